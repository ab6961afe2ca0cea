import { describe, expect, it } from 'vitest';
import { dictionaries, MESSAGE_SOURCES, placeholders, translate, translateValue, type MessageKey } from './i18n';
import { CHANNELS, EVENT_TYPES, ROLES, SATISFACTIONS, STATUSES, UNIT_KINDS, URGENCIES } from './types';
import { ACTION_SPECS } from '../features/tickets/actions';
import { SORTS, WARNINGS } from './api';

const { zh, en } = dictionaries;

describe('the dictionaries of the shell and the features', () => {
  it('every feature with Chinese messages has English ones', () => {
    for (const s of MESSAGE_SOURCES) expect(s.en, `${s.owner}/messages.en.ts`).toBeDefined();
    expect(MESSAGE_SOURCES.length).toBeGreaterThan(1);
  });

  it.each(MESSAGE_SOURCES.map((s) => [s.owner, s] as const))('%s: English has exactly the Chinese keys, none empty, same placeholders', (_owner, s) => {
    const en = s.en ?? {};
    expect(Object.keys(en).sort()).toEqual(Object.keys(s.zh).sort());
    for (const [k, v] of Object.entries(s.zh)) {
      expect(v.trim(), `zh ${k}`).not.toBe('');
      expect((en[k] ?? '').trim(), `en ${k}`).not.toBe('');
      expect(placeholders(en[k] ?? ''), k).toEqual(placeholders(v));
    }
  });

  it('no key is defined twice (a feature would silently replace another one\'s text)', () => {
    const owner = new Map<string, string>();
    for (const s of MESSAGE_SOURCES)
      for (const k of Object.keys(s.zh)) {
        expect(owner.get(k), `${k} in ${s.owner}`).toBeUndefined();
        owner.set(k, s.owner);
      }
  });
});

describe('message dictionary', () => {
  const keys = Object.keys(zh) as MessageKey[];

  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const lang of ['zh', 'en'] as const) for (const k of keys) expect(dictionaries[lang][k].trim(), `${lang} ${k}`).not.toBe('');
  });

  it('Chinese strings are Chinese where they are prose', () => {
    expect(zh['desk.title']).toBe('座席工作台');
    expect(zh['nav.unit']).toBe('承办单位');
    expect(/[\u4e00-\u9fff]/.test(zh['status.awaiting_callback'])).toBe(true);
  });

  it.each([
    ['status', STATUSES],
    ['channel', CHANNELS],
    ['urgency', URGENCIES],
    ['satisfaction', SATISFACTIONS],
    ['unitKind', UNIT_KINDS],
    ['role', ROLES],
    ['sort', SORTS],
    ['event', EVENT_TYPES],
    ['warning', WARNINGS],
  ] as const)('every %s value of the API has a label in both languages', (prefix, values) => {
    for (const v of values) {
      expect(`${prefix}.${v}` in zh, `${prefix}.${v}`).toBe(true);
      expect(translateValue('en', prefix, v)).not.toBe(v === '110' ? '' : v);
    }
  });

  it('every action form has labels for the action and all its fields', () => {
    for (const spec of Object.values(ACTION_SPECS)) {
      expect(spec.label in zh, spec.label).toBe(true);
      for (const f of spec.fields) expect(f.label in zh, f.label).toBe(true);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'desk.dispatched', { number: 'A1', unit: '鼓楼街道' })).toBe('工单 A1 已派发至 鼓楼街道');
    expect(translate('en', 'list.total', { total: 3 })).toBe('3 in total');
    expect(translate('en', 'desk.dispatched', { number: 'A1' })).toBe('Order A1 dispatched to {unit}');
  });

  it('falls back to the raw value for codes it does not know', () => {
    expect(translateValue('zh', 'status', 'archived')).toBe('archived');
    expect(translateValue('zh', 'status', null)).toBe('');
  });
});
