// Pure helpers for the agent desk's assistant: what it shows, and what it fills into the order form.
// No React here: the desk passes in the analysis, the form's values and what the agent has touched, and sets
// the fields these functions name.
import type { PhoneEntity } from '../../../../src/modules/intake/domain/intake';
import type { AnalysisForAgent } from '../../shell/types';

/**
 * From this calibrated score the best category is preselected in an empty category field (below it the agent
 * gets one-click suggestions only). Scores are calibrated probabilities (docs/intake.md), so 0.8 means the
 * preselection is right about four times in five; a wrong one costs the agent a correction instead of a click,
 * so it must be right clearly more often than not. It stays below the automatic dispatch default (0.9): here the
 * agent sees the choice before the order is registered.
 */
export const CATEGORY_PRESELECT_MIN_SCORE = 0.8;

/** Form fields the assistant may fill by itself. */
export const AUTO_FILL_FIELDS = ['address', 'phone', 'categoryCode'] as const;
export type AutoFillField = (typeof AUTO_FILL_FIELDS)[number];

/** What the assistant did to the form of the current order. */
export interface AutoFillState {
  /** Values the assistant put into a field and the agent has not changed since. */
  readonly filled: Readonly<Partial<Record<AutoFillField, string>>>;
  /** Fields the agent typed into, cleared, undid or set from a chip: never filled again for this order. */
  readonly touched: readonly AutoFillField[];
  /** Calibrated score of the preselected category, shown beside it. */
  readonly categoryScore?: number;
}

/** A new order: nothing filled, nothing touched. */
export const NO_AUTO_FILL: AutoFillState = { filled: {}, touched: [] };

/** The form values the assistant looks at. */
export interface AutoFillValues {
  address?: string | undefined;
  phone?: string | undefined;
  categoryCode?: string | undefined;
}

const isAutoFillField = (f: string): f is AutoFillField => (AUTO_FILL_FIELDS as readonly string[]).includes(f);

/**
 * What the analysis proposes for each field, whatever the form holds: the first extracted address (never the
 * resolved district or street alone: that is not an address), the first mobile number in the text, and the best
 * leaf category when its calibrated score reaches CATEGORY_PRESELECT_MIN_SCORE.
 */
export function proposedFill(r: AnalysisForAgent): { address?: string; phone?: string; categoryCode?: string; categoryScore?: number } {
  const out: { address?: string; phone?: string; categoryCode?: string; categoryScore?: number } = {};
  const address = r.entities.addresses.find((a) => a.text.trim())?.text.trim();
  if (address) out.address = address;
  const phone = r.entities.phones.find((p) => p.value && p.kind === 'mobile')?.value;
  if (phone) out.phone = phone.replace(/[\s-]/g, '');
  let best: { code: string; score: number } | undefined;
  for (const c of r.categories) if (!best || c.score > best.score) best = c;
  if (best && best.score >= CATEGORY_PRESELECT_MIN_SCORE) {
    out.categoryCode = best.code;
    out.categoryScore = best.score;
  }
  return out;
}

/**
 * What to set after an analysis. A field is the assistant's while it holds exactly what the assistant put there
 * and the agent has not touched it; the assistant fills an empty field and keeps its own ones in step with the
 * latest analysis (a longer text may give a longer address; a field whose value the text no longer supports
 * empties again). A field with anything else in it, or one the agent touched, is left alone.
 * `set` maps a field to its new value ('' = empty it); `state` is the state to keep.
 */
export function planAutoFill(r: AnalysisForAgent, values: AutoFillValues, state: AutoFillState): { set: Partial<Record<AutoFillField, string>>; state: AutoFillState } {
  const proposed = proposedFill(r);
  const set: Partial<Record<AutoFillField, string>> = {};
  const filled: Partial<Record<AutoFillField, string>> = { ...state.filled };
  let categoryScore = state.categoryScore;
  for (const field of AUTO_FILL_FIELDS) {
    if (state.touched.includes(field)) continue;
    const current = values[field] ?? '';
    const ours = filled[field] !== undefined && current === filled[field];
    if (current !== '' && !ours) continue;
    const next = proposed[field] ?? '';
    if (next !== current) set[field] = next;
    if (next) filled[field] = next;
    else delete filled[field];
    if (field === 'categoryCode') categoryScore = next ? proposed.categoryScore : undefined;
  }
  return { set, state: { filled, touched: state.touched, ...(categoryScore !== undefined ? { categoryScore } : {}) } };
}

/** The agent changed these fields (typing, clearing, picking, a chip): they are the agent's from now on. */
export function agentEdited(state: AutoFillState, fields: readonly string[]): AutoFillState {
  const mine = fields.filter(isAutoFillField);
  if (mine.length === 0) return state;
  const filled = { ...state.filled };
  for (const f of mine) delete filled[f];
  const touched = [...state.touched, ...mine.filter((f) => !state.touched.includes(f))];
  const keepScore = !mine.includes('categoryCode') && state.categoryScore !== undefined;
  return { filled, touched, ...(keepScore ? { categoryScore: state.categoryScore } : {}) };
}

/**
 * Undo of an automatic fill: the field goes back to what it held before, which is always empty (the assistant
 * fills empty fields only), and the assistant does not fill it again for this order.
 */
export function undoAutoFill(state: AutoFillState, field: AutoFillField): { value: ''; state: AutoFillState } {
  return { value: '', state: agentEdited(state, [field]) };
}

/** Whether a field shows the assistant's value (to mark it and offer undo). */
export function isAutoFilled(state: AutoFillState, field: AutoFillField, value: string | undefined): boolean {
  const v = state.filled[field];
  return v !== undefined && v !== '' && v === (value ?? '');
}

// ---- entity chips ---------------------------------------------------------------------------------------

export type ChipKind = 'phone' | 'id' | 'address' | 'business' | 'date';
/** Where a click on a chip puts its text: the order has no business field, so a business name becomes a tag. */
export type ChipTarget = 'phone' | 'address' | 'tags';

export interface EntityChip {
  kind: ChipKind;
  text: string;
  fills?: ChipTarget;
}

/** The API's tag limits (src/adapters/http/schemas.ts): 32 characters each, 20 tags. */
export const MAX_TAG_LENGTH = 32;
export const MAX_TAGS = 20;

/** A number a caller can be called back on, as the server classified it: not a service number (12345, 110, 400-…). */
const callbackNumber = (kind: PhoneEntity['kind']): boolean => kind === 'mobile' || kind === 'landline';

/** What the assistant recognised in the text, for display; ID numbers arrive masked and stay so. */
export function entityChips(r: AnalysisForAgent): EntityChip[] {
  const e = r.entities;
  const out: EntityChip[] = [];
  for (const p of e.phones) if (p.value) out.push(callbackNumber(p.kind) ? { kind: 'phone', text: p.value, fills: 'phone' } : { kind: 'phone', text: p.value });
  for (const p of e.idNumbers) if (p.masked) out.push({ kind: 'id', text: p.masked });
  for (const p of e.addresses) if (p.text) out.push({ kind: 'address', text: p.text, fills: 'address' });
  for (const p of e.businesses)
    if (p.text) out.push(p.text.length <= MAX_TAG_LENGTH ? { kind: 'business', text: p.text, fills: 'tags' } : { kind: 'business', text: p.text });
  for (const p of e.dates) if (p.text) out.push({ kind: 'date', text: p.text });
  return out;
}

/**
 * The field change a click on a chip makes, or null when there is nothing to do (an inert chip, a tag already
 * there, no room for another tag). The agent chose it, so the desk marks the field as the agent's.
 */
export function chipFill(chip: EntityChip, tags: readonly string[] | undefined): { field: 'phone' | 'address'; value: string } | { field: 'tags'; value: string[] } | null {
  switch (chip.fills) {
    case 'phone':
      return { field: 'phone', value: chip.text.replace(/\s/g, '') };
    case 'address':
      return { field: 'address', value: chip.text };
    case 'tags': {
      const have = tags ?? [];
      if (have.includes(chip.text) || have.length >= MAX_TAGS) return null;
      return { field: 'tags', value: [...have, chip.text] };
    }
    default:
      return null;
  }
}
