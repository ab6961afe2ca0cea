import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workflowTable } from './workflow-doc';

describe('docs/workflow.md', () => {
  it('shows the transition table exactly as the code defines it', () => {
    const doc = readFileSync(new URL('../../../../docs/workflow.md', import.meta.url), 'utf8');
    expect(doc).toContain(workflowTable());
  });
});
