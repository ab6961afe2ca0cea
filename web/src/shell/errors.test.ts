import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, describeError, errorTextKey, FIELD_LABEL_SOURCES, fieldLabel, normaliseField, SERVER_ERROR_CODES } from './errors';
import { dictionaries } from './i18n';

const { zh, en } = dictionaries;

describe('error texts', () => {
  it('uses the list of codes the server declares (imported from src/domain/errors.ts, not a copy)', () => {
    expect(SERVER_ERROR_CODES.length).toBeGreaterThan(20);
    for (const code of ['USER.USERNAME_TAKEN', 'TICKET.VERSION_CONFLICT', 'AUTH.RATE_LIMITED', 'VALIDATION.FAILED', 'MODEL.NOT_READY']) {
      expect(SERVER_ERROR_CODES).toContain(code);
    }
  });

  it('every code the server or the console can produce has a Chinese and an English text', () => {
    for (const code of [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES]) {
      const key = errorTextKey(code);
      expect(key, code).not.toBeNull();
      if (!key) continue;
      expect(/[\u4e00-\u9fff]/.test(zh[key]), `zh ${code}`).toBe(true);
      expect(en[key].trim(), `en ${code}`).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(en[key]), `en ${code}`).toBe(false);
    }
  });

  it('chooses the text by code, not by the English message, and names the field', () => {
    const e = { status: 409, code: 'USER.USERNAME_TAKEN', message: 'Username agent is taken', field: 'username' };
    expect(describeError('zh', e)).toEqual({
      code: 'USER.USERNAME_TAKEN',
      text: '用户名：该用户名已被占用',
      inline: '该用户名已被占用',
      detail: 'Username agent is taken',
      field: 'username',
    });
    expect(describeError('en', e).text).toBe('Username: That username is taken');
  });

  it.each([
    ['zh', 'caller.phone', '来电号码'],
    ['zh', '/caller/phone', '来电号码'],
    ['zh', 'roles.0', '角色'],
    ['en', 'roles.2', 'Roles'],
    ['zh', 'location.lat', '位置'],
    ['zh', 'somethingNew', 'somethingNew'],
  ] as const)('labels field %s %s as %s', (lang, field, label) => {
    expect(fieldLabel(lang, field)).toBe(label);
  });

  it("finds the features' labels (features/<name>/fields.ts); no input is labelled twice", () => {
    expect(fieldLabel('zh', 'autoDispatchThreshold')).toBe(dictionaries.zh['intake.threshold']);
    expect(fieldLabel('en', 'leadUnitId')).toBe(dictionaries.en['form.leadUnitId']);
    expect(FIELD_LABEL_SOURCES.length).toBeGreaterThan(1);
    const owner = new Map<string, string>();
    for (const s of FIELD_LABEL_SOURCES)
      for (const [path, key] of Object.entries(s.labels)) {
        expect(owner.get(path), `${path} in ${s.owner}`).toBeUndefined();
        owner.set(path, s.owner);
        expect(key in dictionaries.zh, key).toBe(true);
      }
  });

  it('drops array indexes and slashes from field paths', () => {
    expect(normaliseField('/tags/3')).toBe('tags');
    expect(normaliseField('caller.phone')).toBe('caller.phone');
  });

  it('keeps the server message as the detail of a validation error, beside the field', () => {
    const v = describeError('zh', { status: 400, code: 'VALIDATION.FAILED', message: 'password must be at least 8 characters', field: 'password' });
    expect(v.text).toBe('密码：填写内容不符合要求');
    expect(v.inline).toBe('填写内容不符合要求（password must be at least 8 characters）');
    expect(describeError('en', { code: 'VALIDATION.FAILED', message: 'x is bad' }).inline).toBe('The input is not valid (x is bad)');
  });

  it('falls back to the code and the server message for codes it does not know', () => {
    const v = describeError('zh', { status: 422, code: 'SLA.SOMETHING_NEW', message: 'A new rule said no' });
    expect(v.text).toBe('操作未成功（SLA.SOMETHING_NEW）');
    expect(v.detail).toBe('A new rule said no');
    expect(describeError('zh', { status: 502, code: 'HTTP.502', message: 'Bad Gateway' }).text).toBe(zh['error.INTERNAL']);
  });

  it('says when to retry a rate-limited sign-in', () => {
    expect(describeError('zh', { status: 429, code: 'AUTH.RATE_LIMITED', message: 'Too many', retryAfter: 600 }).text).toBe('登录失败次数过多，请 10 分钟后再试');
    expect(describeError('en', { status: 429, code: 'AUTH.RATE_LIMITED', message: 'Too many', retryAfter: 30 }).text).toBe('Too many failed sign-ins; try again in 1 min');
  });
});
