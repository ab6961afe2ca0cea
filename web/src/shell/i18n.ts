// The console's messages: Simplified Chinese is the source and the default; English carries every key.
// The shell has its own (messages.zh.ts / messages.en.ts: app, navigation, roles, the API's values and error
// codes); each feature has its own next to its pages (web/src/features/<name>/messages.zh.ts and
// messages.en.ts), found here by file name — a new feature edits no file of the shell.
//
// Typing: a feature's messages.zh.ts adds its keys to `FeatureMessages` (declaration merging), so t() knows
// every key of every feature, and its messages.en.ts is typed `Translation<typeof zh>`, so English cannot
// miss a key. shell/i18n.test.ts checks the merged result (same keys, same placeholders, no key twice).
import { zh as shellZh } from './messages.zh';
import { en as shellEn } from './messages.en';

/**
 * The Chinese dictionaries by owner. A feature adds itself in its messages.zh.ts:
 * `declare module '../../shell/i18n' { interface FeatureMessages { desk: typeof zh } }`.
 */
export interface FeatureMessages {
  shell: typeof shellZh;
}

/** Every message key of the console (the shell's and all features'). */
export type MessageKey = { [F in keyof FeatureMessages]: Extract<keyof FeatureMessages[F], string> }[keyof FeatureMessages];

/** A translation of a Chinese dictionary: every key, nothing else (the type of each messages.en.ts). */
export type Translation<Zh> = { readonly [K in keyof Zh]: string };

export type Dictionary = Readonly<Record<MessageKey, string>>;
export type Lang = 'zh' | 'en';
export const LANG_KEY = 'hotline.lang';

type Messages = Readonly<Record<string, string>>;

/** One owner's dictionaries: the shell, or a feature by its folder name. */
export interface MessageSource {
  owner: string;
  zh: Messages;
  en: Messages | undefined;
}

const featureName = (path: string) => /\/features\/([^/]+)\//.exec(path)?.[1] ?? path;
const zhFiles = import.meta.glob<Messages>('../features/*/messages.zh.ts', { eager: true, import: 'zh' });
const enFiles = import.meta.glob<Messages>('../features/*/messages.en.ts', { eager: true, import: 'en' });
const enByFeature = new Map(Object.entries(enFiles).map(([path, en]) => [featureName(path), en]));

/** The shell's dictionaries first, then each feature's (sorted by folder name). */
export const MESSAGE_SOURCES: readonly MessageSource[] = [
  { owner: 'shell', zh: shellZh, en: shellEn },
  ...Object.entries(zhFiles)
    .map(([path, zh]) => ({ owner: featureName(path), zh, en: enByFeature.get(featureName(path)) }))
    .sort((a, b) => a.owner.localeCompare(b.owner)),
];

function merge(lang: Lang): Dictionary {
  const out: Record<string, string> = {};
  for (const s of MESSAGE_SOURCES) Object.assign(out, lang === 'zh' ? s.zh : (s.en ?? {}));
  // The compile-time type (FeatureMessages) and the files found at run time name the same features.
  return out as Dictionary;
}

export const dictionaries: Readonly<Record<Lang, Dictionary>> = { zh: merge('zh'), en: merge('en') };

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = dictionaries[lang][key] ?? dictionaries.zh[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** For keys built from API values (status, channel ...): fall back to the raw value when unknown. */
export function translateValue(lang: Lang, prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const key = `${prefix}.${value}`;
  const dict: Readonly<Record<string, string>> = dictionaries[lang];
  return dict[key] ?? value;
}

/** Whether a key (e.g. one built from an API value) is in the dictionary. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries.zh, key);
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
