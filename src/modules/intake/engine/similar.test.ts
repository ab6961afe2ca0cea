import { describe, expect, it } from 'vitest';
import { clusterOrders, cosine, findSimilarOrders, textProfile, type OrderForSimilarity } from './similar';

// Fixtures written for this test.
const RECENT: OrderForSimilarity[] = [
  { id: 't1', number: 'A1', text: '幸福小区3号楼停水两天了，一直没有恢复供水', callerPhone: '13900001111', streetCode: '320302001', areaCode: '320302' },
  { id: 't2', number: 'A2', text: '和平路上的路灯坏了，晚上走路很黑', callerPhone: '13900002222', streetCode: '320303001', areaCode: '320303' },
  { id: 't3', number: 'A3', text: '楼下饭店油烟太大，窗户都不能开', callerPhone: '13900001111', streetCode: '320311001', areaCode: '320311' },
  { id: 't4', number: 'A4', text: '公司拖欠工资三个月，老板不露面', callerPhone: '13900003333', streetCode: '320302001', areaCode: '320302' },
];

describe('text similarity', () => {
  it('is 1 for the same text and 0 for texts with nothing in common', () => {
    expect(cosine(textProfile('停水两天了'), textProfile('停水两天了'))).toBeCloseTo(1, 9);
    expect(cosine(textProfile('停水两天了'), textProfile('路灯不亮'))).toBe(0);
  });
  it('ignores punctuation and full-width forms', () => {
    expect(cosine(textProfile('停水，两天了！'), textProfile('停水两天了'))).toBeGreaterThan(0.7);
  });
});

describe('similar orders', () => {
  it('puts a near-identical report of the same event first, with its reasons', () => {
    const [best] = findSimilarOrders({ text: '幸福小区3号楼停水两天了，还没有恢复供水', streetCode: '320302001', areaCode: '320302' }, RECENT);
    expect(best?.id).toBe('t1');
    expect(best?.reasons).toEqual(['near_identical_text', 'same_street']);
  });

  it('boosts the same caller only when the text is related', () => {
    const related = findSimilarOrders({ text: '饭店油烟太大了', callerPhone: '139-0000-1111' }, RECENT);
    expect(related[0]?.id).toBe('t3');
    expect(related[0]?.reasons).toContain('same_caller');
    // The same caller's unrelated water complaint is not suggested for a fumes complaint.
    expect(related.map((m) => m.id)).not.toContain('t1');
  });

  it('does not flag different problems on the same street', () => {
    const matches = findSimilarOrders({ text: '小区里有人乱停车，堵住消防通道', streetCode: '320302001' }, RECENT);
    expect(matches).toEqual([]);
  });

  it('limits and orders the matches', () => {
    const candidates = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, text: `路灯坏了${'很黑'.repeat(i)}` }));
    const matches = findSimilarOrders({ text: '路灯坏了' }, candidates, { limit: 3, minScore: 0, nearIdentical: 0.85, similar: 0.35 });
    expect(matches.map((m) => m.id)).toEqual(['c0', 'c1', 'c2']);
  });
});

describe('clustering reports of one event', () => {
  const reports: OrderForSimilarity[] = [
    { id: 'r1', text: '翠湖路与长安路交叉口井盖丢失，车辆经过很危险', areaCode: '320303' },
    { id: 'r2', text: '长安路和翠湖路路口井盖没了，很危险，赶紧处理', areaCode: '320303' },
    { id: 'r3', text: '翠湖路长安路交叉口的井盖丢了，差点有人掉下去', areaCode: '320303' },
    { id: 'r4', text: '家里宽带断网三天了，报修没人来', areaCode: '320302' },
    { id: 'r5', text: '小区电梯又坏了，老人上不了楼', areaCode: '320311' },
    { id: 'r6', text: '小区电梯又坏了，老人上不去楼', areaCode: '320312' }, // same words, another district
  ];

  it('groups the reports of the same event and leaves the rest alone', () => {
    const clusters = clusterOrders(reports, { threshold: 0.3, samePlaceOnly: true, bands: 32, rows: 2, seed: 1, minSize: 2 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.ids.sort()).toEqual(['r1', 'r2', 'r3']);
    expect(['r1', 'r2', 'r3']).toContain(clusters[0]?.representativeId);
  });

  it('never puts two districts in one cluster, not even through a report of unknown district similar to both', () => {
    const bridged: OrderForSimilarity[] = [
      { id: 'a', text: '小区电梯又坏了，老人上不了楼', areaCode: '320311' },
      { id: 'n', text: '小区电梯又坏了，老人上不了楼，请处理', areaCode: null },
      { id: 'b', text: '小区电梯又坏了，老人上不去楼', areaCode: '320312' },
    ];
    const clusters = clusterOrders(bridged, { threshold: 0.3, samePlaceOnly: true, bands: 32, rows: 2, seed: 1, minSize: 2 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.ids).toContain('n'); // the unknown one joins one of them
    expect(clusters[0]?.ids).toHaveLength(2);
  });

  it('joins identical texts across districts when told to ignore the place', () => {
    const clusters = clusterOrders(reports, { threshold: 0.3, samePlaceOnly: false, bands: 32, rows: 2, seed: 1, minSize: 2 });
    expect(clusters.map((c) => c.ids.sort())).toContainEqual(['r5', 'r6']);
  });

  it('is deterministic', () => {
    expect(clusterOrders(reports)).toEqual(clusterOrders(reports));
  });
});
