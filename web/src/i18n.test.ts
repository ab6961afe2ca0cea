import { describe, expect, it } from 'vitest';
import { dictionaries, en, placeholders, translate, translateValue, zh, type MessageKey } from './i18n';
import { CHANNELS, EVENT_TYPES, ROLES, SATISFACTIONS, STATUSES, UNIT_KINDS, URGENCIES } from './types';
import { ACTION_SPECS } from './actions';
import { SORTS, WARNINGS } from './api';

describe('message dictionary', () => {
  const keys = Object.keys(zh) as MessageKey[];

  it('English has exactly the Chinese keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const lang of ['zh', 'en'] as const) for (const k of keys) expect(dictionaries[lang][k].trim(), `${lang} ${k}`).not.toBe('');
  });

  it('every translation uses the same placeholders as the Chinese source', () => {
    for (const k of keys) expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
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
