import { describe, expect, it } from 'vitest';
import { trainNbSvm, DEFAULT_NB_SVM_OPTIONS } from './nb-svm';
import { linearScores } from './softmax-regression';
import type { SparseVector } from './vectorizer';

// Hand-made sparse rows: features 0–1 mark class 0, 2–3 class 1, 4–5 class 2; feature 6 is shared noise.
function row(pairs: Array<[number, number]>): SparseVector {
  const norm = Math.sqrt(pairs.reduce((s, [, v]) => s + v * v, 0));
  return { indices: Int32Array.from(pairs.map(([i]) => i)), values: Float64Array.from(pairs.map(([, v]) => v / norm)) };
}
const rows: SparseVector[] = [];
const labels: number[] = [];
for (let k = 0; k < 30; k++) {
  const c = k % 3;
  rows.push(row([[2 * c, 1 + (k % 4)], [2 * c + 1, 1], [6, 1 + (k % 2)]]));
  labels.push(c);
}
const y = Int32Array.from(labels);
const best = (scores: Float64Array): number => scores.indexOf(Math.max(...scores));

describe('NB-SVM', () => {
  const model = trainNbSvm(rows, y, 7, 3, DEFAULT_NB_SVM_OPTIONS);

  it('separates the classes on their marker features', () => {
    expect(best(linearScores(model, row([[0, 1]])))).toBe(0);
    expect(best(linearScores(model, row([[3, 1], [6, 2]])))).toBe(1);
    expect(best(linearScores(model, row([[4, 1], [5, 1]])))).toBe(2);
  });

  it('gives margins of about ±1 on the training rows (hinge solution)', () => {
    const s = linearScores(model, rows[0] as SparseVector);
    expect(s[0]).toBeGreaterThan(0.5);
    expect(s[1]).toBeLessThan(-0.5);
  });

  it('is deterministic for a seed', () => {
    const again = trainNbSvm(rows, y, 7, 3, DEFAULT_NB_SVM_OPTIONS);
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
  });

  it('ignores examples of weight zero', () => {
    // A mislabelled copy of a class-0 row, weight 0, must not change the model.
    const noisyRows = [...rows, row([[0, 1], [1, 1]])];
    const noisyY = Int32Array.from([...labels, 2]);
    const weights = Float64Array.from([...labels.map(() => 1), 0]);
    const m = trainNbSvm(noisyRows, noisyY, 7, 3, { ...DEFAULT_NB_SVM_OPTIONS, sampleWeights: weights });
    expect(best(linearScores(m, row([[0, 1], [1, 1]])))).toBe(0);
  });

  it('samples negatives when the step budget is small and still classifies', () => {
    // Budget of 45 steps over 3 classes: each class keeps its 10 positives and 10 of 20 negatives, one pass.
    const m = trainNbSvm(rows, y, 7, 3, { ...DEFAULT_NB_SVM_OPTIONS, maxSteps: 45 });
    expect(Array.from(m.weights)).not.toEqual(Array.from(model.weights));
    for (let c = 0; c < 3; c++) expect(best(linearScores(m, row([[2 * c, 1], [2 * c + 1, 1]])))).toBe(c);
  });
});
