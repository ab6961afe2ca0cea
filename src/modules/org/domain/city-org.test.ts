import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../divisions';
import { cityOf } from '../city';
import { cityOrg, DEMO_CITY_CODE, type UnitKind } from './city-org';

const XUZHOU = { code: '3203', name: '徐州市', provinceCode: '32', provinceName: '江苏省' };

describe('cityOrg', () => {
  const units = cityOrg(XUZHOU, loadDivisions());
  const byKey = new Map(units.map((u) => [u.key, u]));

  it('has unique keys', () => {
    expect(byKey.size).toBe(units.length);
  });

  it('has exactly one root, the centre of Xuzhou', () => {
    const roots = units.filter((u) => u.parentKey === null);
    expect(roots).toEqual([
      expect.objectContaining({ key: 'centre', kind: 'centre', divisionCode: '3203', name: '徐州市12345政务服务便民热线中心' }),
    ]);
  });

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentKey !== null) expect(seen.has(u.parentKey), `${u.key} before ${u.parentKey}`).toBe(true);
      seen.add(u.key);
    }
  });

  it('nests kinds correctly', () => {
    const parentKind: Record<UnitKind, UnitKind | null> = {
      centre: null, district: 'centre', street: 'district', department: 'centre', company: 'centre',
    };
    for (const u of units) {
      expect(u.parentKey === null ? null : byKey.get(u.parentKey)?.kind, u.key).toBe(parentKind[u.kind]);
    }
  });

  it('counts the fixed units', () => {
    expect(units.filter((u) => u.kind === 'department')).toHaveLength(16);
    expect(units.filter((u) => u.kind === 'company')).toHaveLength(6);
    expect(byKey.get('dept-city-management')?.name).toBe('市城市管理局');
    expect(byKey.get('co-power')?.name).toBe('国网徐州供电公司');
  });

  it('contains every Xuzhou district with all its streets', () => {
    const d = loadDivisions();
    const areas = d.areas.filter((a) => a.cityCode === DEMO_CITY_CODE);
    expect(areas).toHaveLength(11);
    for (const area of areas) {
      const district = byKey.get(`d-${area.code}`);
      expect(district).toMatchObject({ kind: 'district', name: area.name, divisionCode: area.code, parentKey: 'centre' });
      expect(district?.nameEn).not.toMatch(/^District \d/); // hand-written English name exists
      const expected = d.streets.filter((s) => s.areaCode === area.code).map((s) => `s-${s.code}`).sort();
      const actual = units.filter((u) => u.parentKey === `d-${area.code}`).map((u) => u.key).sort();
      expect(actual).toEqual(expected);
    }
    expect(units.filter((u) => u.kind === 'street')).toHaveLength(186);
    expect(byKey.get('s-320302001')).toMatchObject({ name: '黄楼街道', nameEn: 'Subdistrict 320302001', divisionCode: '320302001' });
  });

  it('builds from injected divisions', () => {
    const tiny = cityOrg(XUZHOU, {
      provinces: [], cities: [],
      areas: [{ code: '320302', name: '鼓楼区', cityCode: '3203', provinceCode: '32' }, { code: '320102', name: '玄武区', cityCode: '3201', provinceCode: '32' }],
      streets: [{ code: '320302099', name: '某某镇', areaCode: '320302', cityCode: '3203', provinceCode: '32' }],
    });
    expect(tiny.filter((u) => u.kind === 'district').map((u) => u.nameEn)).toEqual(['Gulou District']);
    expect(tiny.find((u) => u.kind === 'street')).toMatchObject({ key: 's-320302099', parentKey: 'd-320302', nameEn: 'Town 320302099' });
  });

  it('builds another city from the same data: 成都市 gets its own centre, companies and districts', () => {
    const chengdu = cityOf('5101');
    expect(chengdu).toEqual({ code: '5101', name: '成都市', provinceCode: '51', provinceName: '四川省' });
    const org = cityOrg(chengdu, loadDivisions());
    expect(org[0]).toMatchObject({ key: 'centre', name: '成都市12345政务服务便民热线中心', divisionCode: '5101' });
    expect(org.find((u) => u.key === 'co-power')?.name).toBe('国网成都供电公司');
    const districts = org.filter((u) => u.kind === 'district');
    expect(districts.length).toBeGreaterThan(10);
    expect(districts.every((d) => d.divisionCode?.startsWith('5101'))).toBe(true);
    expect(org.some((u) => u.name.includes('徐州'))).toBe(false);
  });

  it('names a municipality after its province (北京市), and refuses an unknown code', () => {
    expect(cityOf('1101').name).toBe('北京市');
    expect(() => cityOf('9999')).toThrow(/CITY_CODE 9999/);
  });
});
