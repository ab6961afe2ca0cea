/**
 * Turns an NYC 311 CSV sample into the classification benchmark's JSONL shape:
 *   title = Complaint Type, body = Descriptor + Location Type (or only the Descriptor with --descriptor-only),
 *   label = Agency.
 *   npx tsx bench/nyc311-to-jsonl.ts IN.csv OUT.jsonl [--descriptor-only]
 * Prints ONE JSON line with the counts.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../src/modules/org/divisions';
import { writeJsonl, type LabelledMessage } from './jsonl';

const [input, output] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const descriptorOnly = process.argv.includes('--descriptor-only');
if (!input || !output) throw new Error('usage: nyc311-to-jsonl.ts IN.csv OUT.jsonl [--descriptor-only]');
const rows = parseCsv(readFileSync(input, 'utf8'));
const header = rows[0] ?? [];
const col = (name: string): number => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`missing column ${name}`);
  return i;
};
const [key, agency, type, descriptor, location] = ['Unique Key', 'Agency', 'Complaint Type', 'Descriptor', 'Location Type'].map(col) as [number, number, number, number, number];
const out: LabelledMessage[] = [];
for (const r of rows.slice(1)) {
  const label = (r[agency] ?? '').trim();
  if (!label) continue;
  out.push({
    id: `nyc-${r[key] ?? out.length}`,
    title: descriptorOnly ? '' : (r[type] ?? '').trim(),
    body: descriptorOnly ? (r[descriptor] ?? '').trim() : `${(r[descriptor] ?? '').trim()}. ${(r[location] ?? '').trim()}`,
    label,
  });
}
writeJsonl(output, out);
const labels = new Map<string, number>();
for (const m of out) labels.set(m.label, (labels.get(m.label) ?? 0) + 1);
console.log(JSON.stringify({ input, output, rows: out.length, labels: Object.fromEntries(labels), descriptorOnly }));
