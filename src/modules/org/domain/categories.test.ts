import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, flattenCategories, STREET_HINT } from './categories';
import { loadDivisions } from '../divisions';
import { cityOrg } from './city-org';

describe('DEMO_CATEGORIES', () => {
  const flat = flattenCategories(DEMO_CATEGORIES);
  const leaves = flat.filter((c) => c.level === 3);

  it('is big enough', () => {
    expect(flat.filter((c) => c.level === 1).length).toBeGreaterThanOrEqual(13);
    expect(leaves.length).toBeGreaterThanOrEqual(110);
  });

  it('has unique, well-formed codes that extend their parent', () => {
    expect(new Set(flat.map((c) => c.code)).size).toBe(flat.length);
    for (const c of flat) {
      expect(c.code, c.name).toMatch(new RegExp(`^(\\d\\d){${c.level}}$`));
      if (c.parentCode === null) expect(c.level).toBe(1);
      else expect(c.code.slice(0, -2), c.name).toBe(c.parentCode);
    }
  });

  it('gives every level 1 and 2 node 2 to 5 children, and only leaves carry hints', () => {
    for (const c of flat.filter((x) => x.level < 3)) {
      const n = flat.filter((x) => x.parentCode === c.code).length;
      expect(n, c.name).toBeGreaterThanOrEqual(2);
      expect(n, c.name).toBeLessThanOrEqual(5);
      expect(c.unitHint).toBeNull();
    }
  });

  it('hints every leaf at the street office or an existing unit', () => {
    const keys = new Set(cityOrg({ code: '3203', name: '徐州市', provinceCode: '32', provinceName: '江苏省' }, loadDivisions()).map((u) => u.key));
    for (const leaf of leaves) {
      expect(leaf.unitHint === STREET_HINT || keys.has(leaf.unitHint ?? ''), `${leaf.code} ${leaf.name} → ${leaf.unitHint}`).toBe(true);
    }
  });

  it('has Chinese and English names everywhere, Chinese names unique among siblings', () => {
    for (const c of flat) {
      expect(c.name).toMatch(/\p{Script=Han}/u);
      expect(c.nameEn).toMatch(/^[A-Z]/);
    }
    const siblingNames = flat.map((c) => `${c.parentCode}/${c.name}`);
    expect(new Set(siblingNames).size).toBe(flat.length);
  });

  it('uses the terms citizens use, routed sensibly', () => {
    const find = (name: string) => leaves.find((c) => c.name === name);
    expect(find('占道经营')?.unitHint).toBe('street');
    expect(find('预付卡')?.unitHint).toBe('dept-market-regulation');
    expect(find('停电')?.unitHint).toBe('co-power');
    expect(find('停水')?.unitHint).toBe('co-water');
    expect(find('拖欠工资')?.unitHint).toBe('dept-hrss');
    for (const term of ['物业服务质量', '社会生活噪音', '公租房', '社保卡', '违章停车', '油烟扰民', '燃气泄漏']) {
      expect(find(term), term).toBeDefined();
    }
  });

  it('keeps its first codes stable', () => {
    expect(flat.slice(0, 3).map((c) => [c.code, c.name])).toEqual([['01', '城乡建设与住房'], ['0101', '物业管理'], ['010101', '物业服务质量']]);
  });
});

describe('flattenCategories', () => {
  it('flattens depth-first with levels and parents', () => {
    expect(flattenCategories([{ code: '01', name: '甲', nameEn: 'A', children: [{ code: '0101', name: '乙', nameEn: 'B', children: [{ code: '010101', name: '丙', nameEn: 'C', unitHint: 'street' }] }] }, { code: '02', name: '丁', nameEn: 'D' }])).toEqual([
      { code: '01', name: '甲', nameEn: 'A', level: 1, parentCode: null, unitHint: null },
      { code: '0101', name: '乙', nameEn: 'B', level: 2, parentCode: '01', unitHint: null },
      { code: '010101', name: '丙', nameEn: 'C', level: 3, parentCode: '0101', unitHint: 'street' },
      { code: '02', name: '丁', nameEn: 'D', level: 1, parentCode: null, unitHint: null },
    ]);
  });

  it('rejects a fourth level', () => {
    const deep = [{ code: '01', name: '甲', nameEn: 'A', children: [{ code: '0101', name: '乙', nameEn: 'B', children: [{ code: '010101', name: '丙', nameEn: 'C', children: [{ code: '01010101', name: '丁', nameEn: 'D' }] }] }] }];
    expect(() => flattenCategories(deep)).toThrow(/at most 3 levels/);
  });
});
