// The benchmarks' shared input: JSONL files of labelled messages, and command-line options.
import { readFileSync, writeFileSync } from 'node:fs';

/** One labelled message as the classification benchmark reads it. */
export interface LabelledMessage {
  id: string;
  title: string;
  body: string;
  label: string;
}

export function readJsonl(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const r = JSON.parse(line) as Partial<LabelledMessage>;
      return { id: String(r.id ?? ''), title: String(r.title ?? ''), body: String(r.body ?? ''), label: String(r.label ?? '') };
    });
}

export function writeJsonl(path: string, rows: readonly LabelledMessage[]): void {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** The value after `--name` on the command line, if given. */
export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
