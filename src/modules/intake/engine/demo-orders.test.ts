import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, flattenCategories } from '../../org/domain/categories';
import { loadDivisions } from '../../org';
import { cityOrg } from '../../org/domain/city-org';
import { analyzeRequest, rollUpCategories, STREET_UNIT_LABEL } from './analyze';
import { LEAF_PHRASES } from './demo-phrases';
import { generateDemoOrders } from './demo-orders';
import { trainDemoModel } from './demo-model';
import { buildPlaceIndex } from './places';
import { characterTokenizer } from './tokenizer';

const divisions = loadDivisions();
const categories = flattenCategories(DEMO_CATEGORIES);

describe('demo orders', () => {
  const orders = generateDemoOrders(divisions, { count: 400, seed: 5 });

  it('is deterministic for a seed', () => {
    expect(generateDemoOrders(divisions, { count: 400, seed: 5 })).toEqual(orders);
    expect(generateDemoOrders(divisions, { count: 400, seed: 6 })).not.toEqual(orders);
  });

  it('labels every order with a leaf category and a unit of the demo organisation', () => {
    const leaves = new Set(categories.filter((c) => c.level === 3).map((c) => c.code));
    const units = new Set(cityOrg({ code: '3203', name: '徐州市', provinceCode: '32', provinceName: '江苏省' }, divisions).map((u) => u.key));
    for (const o of orders) {
      expect(leaves.has(o.categoryCode)).toBe(true);
      expect(units.has(o.unitKey)).toBe(true);
      expect(o.streetCode.startsWith(o.areaCode)).toBe(true);
      expect(o.areaCode.startsWith('3203')).toBe(true);
      expect(o.callerPhone).toMatch(/^1[3-9][0-9]{9}$/);
    }
  });

  it('has text for every leaf category of the demo tree', () => {
    const missing = categories.filter((c) => c.level === 3 && !LEAF_PHRASES[c.name]);
    expect(missing.map((c) => c.name)).toEqual([]);
  });

  it('repeats some earlier events at the same place and category', () => {
    const repeats = orders.filter((o) => o.repeatOf !== null);
    expect(repeats.length).toBeGreaterThan(10);
    for (const r of repeats) {
      const first = orders[r.repeatOf as number];
      expect(first?.categoryCode).toBe(r.categoryCode);
      expect(first?.streetCode).toBe(r.streetCode);
    }
  });
});

describe('analysis of a request with the demo model', () => {
  const model = trainDemoModel(divisions, characterTokenizer, { count: 1000, seed: 3 });
  const deps = {
    model,
    tokenizer: characterTokenizer,
    places: buildPlaceIndex(divisions),
    categories,
    placeContext: { cityCode: '3203' },
  };

  it('suggests the category at each level, the unit role, the place and the entities', () => {
    const result = analyzeRequest(deps, {
      content: '家住鼓楼区黄楼街道幸福花园，小区突然停水了，也没有通知，电话13912345678',
      now: new Date('2025-10-08T02:00:00Z'),
    });
    expect(result.categories.level3[0]?.code).toBe('120101'); // 停水
    expect(result.categories.level2[0]?.code).toBe('1201'); // 供水
    expect(result.categories.level1[0]?.code).toBe('12');
    expect(result.unitLabels[0]?.label).toBe('co-water');
    expect(result.division.streetCode).toBe('320302001');
    expect(result.entities.phones[0]?.value).toBe('13912345678');
  });

  it('learns that territorial matters go to the street office', () => {
    const result = analyzeRequest(deps, { content: '门面房店外经营，桌椅摆满了人行道', now: new Date('2025-10-08T02:00:00Z') });
    expect(result.unitLabels[0]?.label).toBe(STREET_UNIT_LABEL);
  });
});

describe('rolling category scores up the tree', () => {
  it('sums leaf probabilities under each parent', () => {
    const rolled = rollUpCategories(
      [
        { label: '010101', score: 0.3 },
        { label: '010102', score: 0.25 },
        { label: '020101', score: 0.45 },
      ],
      categories,
      3,
    );
    expect(rolled.level3[0]).toMatchObject({ code: '020101', score: 0.45 });
    expect(rolled.level2[0]).toMatchObject({ code: '0101', score: 0.55, name: '物业管理' });
    expect(rolled.level1.map((c) => c.code)).toEqual(['01', '02']);
  });
});
