// What the console says when the API refuses: a text in the user's language chosen by the stable error
// `code` (never by the server's English `message`), naming the input (`field`) when there is one. The
// server's message stays available as a detail, and is the only clue for codes the console does not know.
import { ERROR_CODES } from '../../../src/platform/errors';
import { isMessageKey, translate, type Lang, type MessageKey } from './i18n';

/** The server's list, imported so that a new code without a text fails the unit test, not a user. */
export const SERVER_ERROR_CODES: readonly string[] = ERROR_CODES;
/** Codes the console makes itself (fetch failed before any answer). */
export const CLIENT_ERROR_CODES = ['NETWORK'] as const;

export interface ErrorLike {
  status?: number;
  code: string;
  message: string;
  field?: string | undefined;
  /** Seconds, from a Retry-After header (AUTH.RATE_LIMITED). */
  retryAfter?: number | undefined;
}

export interface ErrorView {
  code: string;
  /** For a banner: names the field ("用户名：该用户名已被占用"). */
  text: string;
  /** For under the input itself, where the field is already named by its label. */
  inline: string;
  /** The server's own message, when it adds something to the text. */
  detail: string | null;
  /** The API's field path with array indexes dropped (`roles.0` → `roles`), or null. */
  field: string | null;
}

// API input paths → the console's label for that input: the shared inputs (orders, sign-in, versions) here,
// a feature's own in its web/src/features/<name>/fields.ts (`export const fieldLabels`), found by file name.
const SHARED_FIELD_LABELS: Record<string, MessageKey> = {
  password: 'field.password',
  channel: 'field.channel',
  content: 'field.content',
  title: 'field.title',
  'caller.phone': 'field.callerPhone',
  'caller.name': 'field.callerName',
  caller: 'field.callerPhone',
  address: 'field.address',
  location: 'field.location',
  categoryCode: 'field.category',
  urgency: 'field.urgency',
  tags: 'field.tags',
  receivedAt: 'field.receivedAt',
  externalRef: 'field.externalRef',
  attachmentIds: 'field.attachments',
  number: 'field.number',
  expectedVersion: 'error.field.expectedVersion',
  'Idempotency-Key': 'error.field.idempotencyKey',
  id: 'error.field.id',
  tag: 'field.tags',
};

const featureFieldLabels = import.meta.glob<Readonly<Record<string, MessageKey>>>('../features/*/fields.ts', { eager: true, import: 'fieldLabels' });
/** The shell's labels and each feature's, by owner (errors.test.ts checks that no input is labelled twice). */
export const FIELD_LABEL_SOURCES: readonly { owner: string; labels: Readonly<Record<string, MessageKey>> }[] = [
  { owner: 'shell', labels: SHARED_FIELD_LABELS },
  ...Object.entries(featureFieldLabels).map(([path, labels]) => ({ owner: /\/features\/([^/]+)\//.exec(path)?.[1] ?? path, labels })),
];
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = Object.assign({}, ...FIELD_LABEL_SOURCES.map((s) => s.labels));

/** `/caller/phone`, `caller.phone`, `roles.0`, `rules[2].sign` → `caller.phone`, `roles`, `rules.sign`. */
export function normaliseField(field: string): string {
  return field
    .replace(/\[\d+\]/g, '')
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
}

/** The label of an API field in the user's language; the path itself when the console has no label. */
export function fieldLabel(lang: Lang, field: string): string {
  const path = normaliseField(field);
  // the most specific label: `rules.sign.amount` → `rules.sign` → `rules`
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = FIELD_LABELS[parts.slice(0, n).join('.')];
    if (key) return translate(lang, key);
  }
  return path;
}

export function errorTextKey(code: string): MessageKey | null {
  const key = `error.${code}`;
  return isMessageKey(key) ? key : null;
}

const paren = (lang: Lang, s: string) => (lang === 'zh' ? `（${s}）` : ` (${s})`);

export function describeError(lang: Lang, e: ErrorLike): ErrorView {
  const key = errorTextKey(e.code);
  let base: string;
  if (e.code === 'AUTH.RATE_LIMITED' && e.retryAfter && e.retryAfter > 0) {
    base = translate(lang, 'error.rateLimitedFor', { minutes: Math.ceil(e.retryAfter / 60) });
  } else if (key) base = translate(lang, key);
  else if ((e.status ?? 0) >= 500) base = translate(lang, 'error.INTERNAL');
  else base = translate(lang, 'error.unknown', { code: e.code });
  const field = e.field ? normaliseField(e.field) : null;
  const text = field ? translate(lang, 'error.onField', { field: fieldLabel(lang, field), text: base }) : base;
  const message = e.message.trim();
  const detail = message && message !== base && message !== e.code ? message : null;
  // A validation refusal says "not valid" in our words; what exactly is wrong is only in the server's detail.
  const inline = e.code === 'VALIDATION.FAILED' && detail ? base + paren(lang, detail) : base;
  return { code: e.code, text, inline, detail, field };
}
