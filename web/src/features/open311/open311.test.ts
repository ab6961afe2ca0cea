import { describe, expect, it } from 'vitest';
import { defaultsOf, filterServices, formFieldOf, formValuesOf, serviceEditBody, type Service } from './open311';

const service = (over: Partial<Service> = {}): Service => ({
  code: '020401',
  name: '路灯不亮',
  nameEn: 'Street lights out',
  group: '城市管理',
  path: ['城市管理', '市政设施', '路灯不亮'],
  description: '城市管理 / 市政设施 / 路灯不亮（Street lights out）',
  keywords: '市政设施, Street lights out',
  serviceNotice: null,
  private: false,
  attributes: [],
  version: 0,
  updatedAt: null,
  ...over,
});

describe('Open311 service form', () => {
  it('shows defaults as empty and sends them back as null', () => {
    const s = service();
    const values = formValuesOf(s, defaultsOf(s));
    expect(values).toMatchObject({ description: '', keywords: '', serviceNotice: '' });
    expect(serviceEditBody(values, 0)).toEqual({ description: null, keywords: null, serviceNotice: null, private: false, attributes: [], expectedVersion: 0 });
  });

  it('numbers attributes by position, keeps values only for lists, and an informing attribute is never required', () => {
    const body = serviceEditBody(
      {
        description: ' 自定义 ',
        keywords: '',
        serviceNotice: '',
        private: true,
        attributes: [
          { code: ' state ', description: '状态', datatype: 'singlevaluelist', required: true, variable: true, values: [{ key: 'off', name: '不亮' }] },
          { code: 'pole', description: '编号', datatype: 'string', required: true, variable: true, values: [{ key: 'x', name: 'y' }] },
          { code: 'note', description: '提示', datatype: 'text', required: true, variable: false },
        ],
      },
      3,
    );
    expect(body.description).toBe('自定义');
    expect(body.attributes.map((a) => [a.code, a.order, a.values.length, a.required])).toEqual([
      ['state', 1, 1, true],
      ['pole', 2, 0, true],
      ['note', 3, 0, false],
    ]);
    expect(body.expectedVersion).toBe(3);
  });

  it('filters by code, name, path or English name', () => {
    const all = [service(), service({ code: '150201', name: '不作为', nameEn: 'Inaction', path: ['政务服务', '不作为投诉', '不作为'], private: true })];
    expect(filterServices(all, '0204').map((s) => s.code)).toEqual(['020401']);
    expect(filterServices(all, '投诉').map((s) => s.code)).toEqual(['150201']);
    expect(filterServices(all, 'LIGHTS').map((s) => s.code)).toEqual(['020401']);
    expect(filterServices(all, '', true).map((s) => s.code)).toEqual(['150201']);
    expect(filterServices(all, '', false, true)).toEqual([]);
  });

  it('points an API error at its form field', () => {
    expect(formFieldOf('attributes.1.code')).toEqual(['attributes', 1, 'code']);
    expect(formFieldOf('attributes.2.values.0.key')).toEqual(['attributes', 2, 'values', 0, 'key']);
    expect(formFieldOf('attributes.0.values')).toEqual(['attributes', 0, 'values']);
    expect(formFieldOf('keywords')).toEqual(['keywords']);
    expect(formFieldOf('expectedVersion')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});
