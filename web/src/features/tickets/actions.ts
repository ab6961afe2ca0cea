// One form per ticket action, described as data: which fields, which are required, how the request body
// is built. The detail page renders only the actions listed in the ticket's allowedActions.
import type { MessageKey } from '../../shell/i18n';

export type FieldKind = 'textarea' | 'unit' | 'units' | 'hours' | 'boolean' | 'satisfaction' | 'attachments' | 'text';

export interface ActionField {
  name: string;
  kind: FieldKind;
  required: boolean;
  label: MessageKey;
  /** Only shown when another field has a value (e.g. redispatch only when unsatisfied). */
  showWhen?: { field: string; equals: unknown };
  initial?: unknown;
}

export interface ActionSpec {
  action: string;
  label: MessageKey;
  fields: ActionField[];
  /** Actions that need a confirmation click but no input. */
  danger?: boolean;
  primary?: boolean;
}

const f = (name: string, kind: FieldKind, required: boolean, extra: Partial<ActionField> = {}): ActionField => ({
  name,
  kind,
  required,
  label: `form.${name}` as MessageKey,
  ...extra,
});

export const ACTION_SPECS: Record<string, ActionSpec> = {
  answer: { action: 'answer', label: 'action.answer', fields: [f('answer', 'textarea', true)], primary: true },
  dispatch: {
    action: 'dispatch',
    label: 'action.dispatch',
    fields: [f('leadUnitId', 'unit', true), f('coUnitIds', 'units', false), f('note', 'textarea', false)],
    primary: true,
  },
  sign: { action: 'sign', label: 'action.sign', fields: [], primary: true },
  return: { action: 'return', label: 'action.return', fields: [f('reason', 'textarea', true)], danger: true },
  request_extension: {
    action: 'request_extension',
    label: 'action.request_extension',
    fields: [f('hours', 'hours', true, { initial: 24 }), f('reason', 'textarea', true)],
  },
  decide_extension: {
    action: 'decide_extension',
    label: 'action.decide_extension',
    fields: [f('approve', 'boolean', true, { initial: true }), f('note', 'textarea', false)],
  },
  reply: {
    action: 'reply',
    label: 'action.reply',
    fields: [f('reply', 'textarea', true), f('resolved', 'boolean', true, { initial: true }), f('attachmentIds', 'attachments', false)],
    primary: true,
  },
  approve_reply: { action: 'approve_reply', label: 'action.approve_reply', fields: [f('note', 'textarea', false)], primary: true },
  reject_reply: { action: 'reject_reply', label: 'action.reject_reply', fields: [f('reason', 'textarea', true)], danger: true },
  callback: {
    action: 'callback',
    label: 'action.callback',
    fields: [
      f('satisfaction', 'satisfaction', true),
      f('note', 'textarea', false),
      f('redispatch', 'boolean', false, { initial: true, showWhen: { field: 'satisfaction', equals: 'unsatisfied' } }),
    ],
    primary: true,
  },
  merge: { action: 'merge', label: 'action.merge', fields: [f('intoTicketId', 'text', true)], danger: true },
  invalidate: { action: 'invalidate', label: 'action.invalidate', fields: [f('reason', 'textarea', true)], danger: true },
  comment: { action: 'comment', label: 'action.comment', fields: [f('text', 'textarea', true)] },
  supervise: { action: 'supervise', label: 'action.supervise', fields: [f('note', 'textarea', true)] },
};

/** Order in which actions are shown: the usual next step first, destructive ones last. */
export const ACTION_ORDER = [
  'sign',
  'dispatch',
  'answer',
  'reply',
  'approve_reply',
  'callback',
  'decide_extension',
  'request_extension',
  'reject_reply',
  'return',
  'supervise',
  'comment',
  'merge',
  'invalidate',
];

/** Specs for the allowed actions, known ones in display order; unknown actions get a bare form. */
export function specsFor(allowed: readonly string[]): ActionSpec[] {
  const known = ACTION_ORDER.filter((a) => allowed.includes(a)).map((a) => ACTION_SPECS[a] as ActionSpec);
  const unknown = allowed
    .filter((a) => !ACTION_ORDER.includes(a))
    .map((a): ActionSpec => ({ action: a, label: `action.${a}` as MessageKey, fields: [] }));
  return [...known, ...unknown];
}

export function visibleFields(spec: ActionSpec, values: Record<string, unknown>): ActionField[] {
  return spec.fields.filter((fl) => !fl.showWhen || values[fl.showWhen.field] === fl.showWhen.equals);
}

export function initialValues(spec: ActionSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const fl of spec.fields) if (fl.initial !== undefined) out[fl.name] = fl.initial;
  return out;
}

export interface FieldProblem {
  field: string;
  problem: 'required' | 'range';
}

/** Client-side check mirroring the API: required text non-blank, hours a whole number 1..720. */
export function validateAction(spec: ActionSpec, values: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const fl of visibleFields(spec, values)) {
    const v = values[fl.name];
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0 && fl.required);
    if (fl.required && empty) {
      problems.push({ field: fl.name, problem: 'required' });
      continue;
    }
    if (fl.kind === 'hours' && !empty) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 720) problems.push({ field: fl.name, problem: 'range' });
    }
  }
  return problems;
}

/** The request body for POST /tickets/{id}/actions: trimmed text, empty optionals left out. */
export function buildActionBody(spec: ActionSpec, values: Record<string, unknown>, expectedVersion: number): Record<string, unknown> & {
  action: string;
  expectedVersion: number;
} {
  const body: Record<string, unknown> & { action: string; expectedVersion: number } = { action: spec.action, expectedVersion };
  for (const fl of visibleFields(spec, values)) {
    let v = values[fl.name];
    if (typeof v === 'string') v = v.trim();
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (fl.kind === 'hours') v = Number(v);
    if (fl.kind === 'boolean') v = Boolean(v);
    body[fl.name] = v;
  }
  return body;
}
