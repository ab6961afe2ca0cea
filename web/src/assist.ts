// Pure helpers for the agent desk's assistant panel.
import type { AssistResult } from './types';

/** Flat list of what the assistant recognised in the text, for display. */
export function entityChips(r: AssistResult): { kind: string; text: string }[] {
  const e = r.entities ?? {};
  const out: { kind: string; text: string }[] = [];
  for (const p of e.phones ?? []) if (p.value) out.push({ kind: 'phone', text: p.value });
  for (const p of e.idNumbers ?? []) if (p.masked) out.push({ kind: 'id', text: p.masked });
  for (const p of e.addresses ?? []) if (p.text) out.push({ kind: 'address', text: p.text });
  for (const p of e.businesses ?? []) if (p.text) out.push({ kind: 'business', text: p.text });
  for (const p of e.dates ?? []) if (p.text) out.push({ kind: 'date', text: p.text });
  return out;
}
