import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../org';
import { buildPlaceIndex, findPlaceMentions, resolvePlace, shortPlaceName } from './places';

const index = buildPlaceIndex(loadDivisions());
const XUZHOU = { cityCode: '3203' };

describe('short division names', () => {
  it.each([
    ['铜山区', 'area', '铜山'],
    ['黄楼街道', 'street', '黄楼'],
    ['青山泉镇', 'street', '青山泉'],
    ['丰县', 'area', null], // one character would remain
    ['江苏省', 'province', '江苏'],
  ] as const)('%s → %s', (name, level, short) => {
    expect(shortPlaceName(name, level)).toBe(short);
  });
});

describe('place resolution', () => {
  it.each([
    // text, context, expected street code (or null), expected area code (or null), expected city code
    ['徐州市鼓楼区黄楼街道黄河南路88号', {}, '320302001', '320302', '3203'],
    ['鼓楼区环城街道某小区', XUZHOU, '320302006', '320302', '3203'],
    ['铜山区三堡街道的路灯不亮', XUZHOU, '320312052', '320312', '3203'],
    ['铜山三堡这边路灯不亮', XUZHOU, '320312052', '320312', '3203'], // both names abbreviated
    ['彭城街道有个井盖坏了', XUZHOU, '320303001', '320303', '3203'],
    ['南京市鼓楼区宁海路街道', XUZHOU, '320106001', '320106', '3201'], // the text beats the default city
    ['睢宁县城关镇', {}, null, '320324', '3203'], // 睢宁 has no 城关镇 any more: the county is what is sure
  ] as const)('%s', (text, context, street, area, city) => {
    const place = resolvePlace(index, text, context);
    expect(place.streetCode).toBe(street);
    expect(place.areaCode).toBe(area);
    expect(place.cityCode).toBe(city);
    expect(place.confidence).toBeGreaterThan(0.15);
  });

  it('uses the district to choose among the many towns called 城关镇', () => {
    const place = resolvePlace(index, '平利县城关镇中心街', {});
    expect(place.streetName).toBe('城关镇');
    expect(place.areaName).toBe('平利县');
  });

  it('does not guess when a repeated name has no context (城关镇 ×88)', () => {
    const place = resolvePlace(index, '城关镇卫生院门口', {});
    expect(place.streetCode).toBeNull();
    expect(place.confidence).toBeLessThan(0.05);
  });

  it('is more confident when more levels are spelled out', () => {
    const full = resolvePlace(index, '徐州市云龙区彭城街道', XUZHOU);
    const bare = resolvePlace(index, '彭城街道', XUZHOU);
    expect(full.streetCode).toBe(bare.streetCode);
    expect(full.confidence).toBeGreaterThan(bare.confidence);
  });

  it('does not read a road name as a street office (黄山路 is not 黄山街道)', () => {
    expect(findPlaceMentions(index, '黄山路上有个坑').map((m) => m.text)).not.toContain('黄山');
  });

  it('falls back to the context city with a low confidence when no place is named', () => {
    const place = resolvePlace(index, '小区噪音扰民', XUZHOU);
    expect(place.cityCode).toBe('3203');
    expect(place.areaCode).toBeNull();
    expect(place.confidence).toBeLessThanOrEqual(0.1);
  });

  it('returns the evidence spans', () => {
    const place = resolvePlace(index, '徐州市鼓楼区黄楼街道', {});
    expect(place.evidence.map((e) => e.text)).toEqual(['徐州市', '鼓楼区', '黄楼街道']);
  });
});
