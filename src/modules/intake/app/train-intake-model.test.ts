import { describe, expect, it } from 'vitest';
import type { TrainingRow } from '../intake.store';
import { STREET_UNIT_LABEL } from '../engine/analyze';
import { historyExamples } from './train-intake-model';

const row = (over: Partial<TrainingRow>): TrainingRow => ({
  id: 'x',
  title: '标题',
  content: '内容',
  categoryCode: '120101',
  leadUnitId: 'co-water',
  leadUnitKind: 'company',
  closure: 'resolved',
  satisfaction: 'satisfied',
  returnCount: 0,
  redispatchCount: 0,
  ...over,
});

describe('training examples from closed orders', () => {
  it.each([
    ['a resolved order teaches category and unit', row({}), { category: '120101', unit: 'co-water' }, 1],
    ['a street office is learned as the street role', row({ leadUnitId: 's-320302001', leadUnitKind: 'street' }), { category: '120101', unit: STREET_UNIT_LABEL }, 1],
    ['a direct answer teaches the category only', row({ closure: 'direct_answer', leadUnitId: null, leadUnitKind: null }), { category: '120101', unit: undefined }, 1],
    ['a returned then re-dispatched order teaches the final unit', row({ returnCount: 1 }), { category: '120101', unit: 'co-water' }, 1],
    ['a re-dispatch after an unsatisfied callback halves the weight', row({ redispatchCount: 1 }), { category: '120101', unit: 'co-water' }, 0.5],
    ['an unsatisfied final callback halves the weight', row({ satisfaction: 'unsatisfied', closure: 'unresolved' }), { category: '120101', unit: 'co-water' }, 0.5],
    ['an order without category keeps its unit', row({ categoryCode: null }), { category: undefined, unit: 'co-water' }, 1],
  ] as const)('%s', (_name, input, labels, weight) => {
    const [example] = historyExamples([input]);
    expect(example?.labels).toEqual(labels);
    expect(example?.weight).toBe(weight);
  });

  it('skips orders with neither a category nor a unit', () => {
    expect(historyExamples([row({ categoryCode: null, closure: 'direct_answer', leadUnitId: null })])).toEqual([]);
  });
});
