import { describe, expect, it } from 'vitest';
import { categoryPath, categoryTree, matchesNode, unitName, unitTree } from './tree';
import type { Category, Unit } from './types';

const cats: Category[] = [
  { code: '02', name: '交通运输', nameEn: 'Transport', level: 1, parentCode: null },
  { code: '01', name: '城乡建设', nameEn: 'Urban construction', level: 1, parentCode: null },
  { code: '0101', name: '市容环境', nameEn: 'City appearance', level: 2, parentCode: '01' },
  { code: '010102', name: '路灯照明', nameEn: 'Street lights', level: 3, parentCode: '0101' },
  { code: '010101', name: '占道经营', nameEn: 'Street vending', level: 3, parentCode: '0101' },
];

const units: Unit[] = [
  { id: 'd1', name: '鼓楼区', kind: 'district', parentId: null, divisionCode: '320302' },
  { id: 's2', name: '丰财街道', kind: 'street', parentId: 'd1', divisionCode: null },
  { id: 's1', name: '环城街道', kind: 'street', parentId: 'd1', divisionCode: null },
  { id: 'x', name: '孤儿单位', kind: 'department', parentId: 'missing', divisionCode: null },
];

describe('category tree', () => {
  it('nests three levels, ordered by code', () => {
    const tree = categoryTree(cats);
    expect(tree.map((n) => n.value)).toEqual(['01', '02']);
    expect(tree[0]?.children?.[0]?.children?.map((n) => n.value)).toEqual(['010101', '010102']);
    expect(tree[1]?.children).toBeUndefined();
  });

  it('uses English names in English and can restrict selection to leaves', () => {
    const tree = categoryTree(cats, 'en', true);
    expect(tree[0]?.title).toBe('Urban construction');
    expect(tree[0]?.selectable).toBe(false);
    expect(tree[0]?.children?.[0]?.children?.[0]?.selectable).toBeUndefined();
  });

  it('search matches code, Chinese or English name, all words', () => {
    const leaf = categoryTree(cats)[0]?.children?.[0]?.children?.[1];
    expect(leaf && matchesNode('路灯', leaf)).toBe(true);
    expect(leaf && matchesNode('010102', leaf)).toBe(true);
    expect(leaf && matchesNode('street LIGHTS', leaf)).toBe(true);
    expect(leaf && matchesNode('占道', leaf)).toBe(false);
    expect(leaf && matchesNode('  ', leaf)).toBe(true);
  });

  it('gives the full path of a code', () => {
    expect(categoryPath(cats, '010102')).toBe('城乡建设 / 市容环境 / 路灯照明');
    expect(categoryPath(cats, '010102', 'en')).toBe('Urban construction / City appearance / Street lights');
    expect(categoryPath(cats, '999')).toBe('999');
    expect(categoryPath(cats, null)).toBe('');
  });
});

describe('unit tree', () => {
  it('nests streets under districts and keeps units whose parent is unknown', () => {
    const tree = unitTree(units);
    expect(tree.map((n) => n.value).sort()).toEqual(['d1', 'x']);
    const district = tree.find((n) => n.value === 'd1');
    expect(district?.children?.map((n) => n.title)).toHaveLength(2);
  });

  it('survives a parent cycle without looping', () => {
    const cyc: Unit[] = [
      { id: 'a', name: 'A', kind: 'street', parentId: 'b', divisionCode: null },
      { id: 'b', name: 'B', kind: 'street', parentId: 'a', divisionCode: null },
    ];
    expect(unitTree(cyc)).toEqual([]);
  });

  it('uses English unit names in English when the unit has one', () => {
    const withEn: Unit[] = [{ id: 'd1', name: '鼓楼区', nameEn: 'Gulou District', kind: 'district', parentId: null, divisionCode: null }];
    expect(unitTree(withEn, 'en')[0]?.title).toBe('Gulou District');
    expect(unitTree(withEn, 'zh')[0]?.title).toBe('鼓楼区');
    expect(unitName(withEn, 'd1', 'en')).toBe('Gulou District');
    expect(unitName(units, 's1', 'en')).toBe('环城街道');
  });

  it('names a unit by id', () => {
    expect(unitName(units, 's1')).toBe('环城街道');
    expect(unitName(units, 'nope')).toBe('nope');
    expect(unitName(units, null)).toBe('');
  });
});
