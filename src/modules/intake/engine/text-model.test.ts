import { describe, expect, it } from 'vitest';
import { fitTemperature, negativeLogLikelihood } from './calibration';
import { DEFAULT_FEATURE_OPTIONS, extractTerms } from './features';
import { createJiebaTokenizer } from './jieba-tokenizer';
import { classificationReport, stratifiedFolds } from './metrics';
import { createPrng, shuffleInPlace } from './prng';
import { characterNgrams, toHalfWidth } from './text';
import { calibrationUnits, DEFAULT_TEXT_MODEL_CONFIG, loadTextModel, predictText, trainTextModel, type TextModelConfig, type TrainingExample } from './text-model';
import { characterTokenizer } from './tokenizer';
import { fitTfidf, termIndex, vectorise } from './vectorizer';

// Fixtures written for this test: three kinds of request, each phrased several ways.
const FIXTURE: Array<[string, string]> = [
  ['water', '家里停水了，水龙头一滴水都没有'],
  ['water', '小区停水两天了，什么时候恢复供水'],
  ['water', '自来水水压太低，楼上没有水'],
  ['water', '自来水发黄，停水后来水很浑浊'],
  ['water', '突然停水也没有通知，做饭都没水'],
  ['water', '水管爆裂导致停水，请派人抢修'],
  ['noise', '楼上装修噪音太大，电钻声吵得睡不着'],
  ['noise', '广场舞音响声音太大，晚上吵到十点'],
  ['noise', '工地夜间施工噪音扰民，机器轰鸣'],
  ['noise', '酒吧音乐声音很吵，半夜还在放'],
  ['noise', '邻居家狗叫声太吵，整夜不停'],
  ['noise', '商铺喇叭循环播放广告，声音刺耳太吵'],
  ['wage', '公司拖欠工资三个月，老板不见人'],
  ['wage', '包工头拖欠农民工工资不给结算'],
  ['wage', '单位拖欠工资，讨薪没有结果'],
  ['wage', '工厂倒闭了，拖欠的工资没人管'],
  ['wage', '老板以各种理由扣发工资，拖欠加班费'],
  ['wage', '离职后公司拖欠最后一个月工资不发'],
];

const examples: TrainingExample[] = FIXTURE.map(([label, body]) => ({ title: '', body, labels: { kind: label, group: label === 'wage' ? 'labour' : 'city' } }));

const smallConfig: TextModelConfig = {
  ...DEFAULT_TEXT_MODEL_CONFIG,
  vectorizer: { ...DEFAULT_TEXT_MODEL_CONFIG.vectorizer, minDf: 1 },
  calibrationFraction: 0,
};

describe('text helpers', () => {
  it('turns full-width characters to half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３　，')).toBe('ABC123 ,');
  });
  it('makes character n-grams inside punctuation-free runs only', () => {
    expect(characterNgrams('停水，停电', 2, 2)).toEqual(['停水', '停电']);
    expect(characterNgrams('停水了', 1, 2)).toEqual(['停', '水', '了', '停水', '水了']);
  });
});

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const c = createPrng(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(shuffleInPlace([1, 2, 3, 4, 5, 6], createPrng(1))).toEqual(shuffleInPlace([1, 2, 3, 4, 5, 6], createPrng(1)));
  });
});

describe('TF-IDF vectoriser', () => {
  it('keeps terms by document frequency and L2-normalises rows', () => {
    const docs = ['停水停水', '停水', '噪音'].map((t) => extractTerms('', t, { ...DEFAULT_FEATURE_OPTIONS, words: false, charMin: 2, charMax: 2 }, characterTokenizer));
    const v = fitTfidf(docs, { minDf: 2, maxFeatures: 10, sublinearTf: true });
    expect(v.terms).toEqual(['c:停水']);
    const row = vectorise(docs[0]!, v, termIndex(v));
    expect(Array.from(row.values)).toEqual([1]);
  });
  it('weights title terms by titleWeight', () => {
    const counts = extractTerms('停水', '停水', { ...DEFAULT_FEATURE_OPTIONS, words: false, charMin: 2, charMax: 2, titleWeight: 3, titleSeparate: false }, characterTokenizer);
    expect(counts.get('c:停水')).toBe(4);
  });
  it('puts title terms in their own block when titleSeparate is set', () => {
    const counts = extractTerms('停水', '停水', { ...DEFAULT_FEATURE_OPTIONS, words: false, charMin: 2, charMax: 2, titleSeparate: true }, characterTokenizer);
    expect(counts.get('c:停水')).toBe(1);
    expect(counts.get('tc:停水')).toBe(1);
  });
  it('L2-normalises each block before the row when blockNormalise is set', () => {
    // One body word, four body characters, no title: each block gets norm 1, then the row norm 1.
    const doc = new Map([['w:停水', 1], ['c:停', 1], ['c:水', 1], ['c:了', 1], ['c:吗', 1]]);
    const v = fitTfidf([doc], { minDf: 1, maxFeatures: 10, sublinearTf: true, blockNormalise: true });
    const row = vectorise(doc, v, termIndex(v));
    const values = new Map(v.terms.map((t, i) => [t, row.values[row.indices.indexOf(i)] ?? 0]));
    expect(values.get('w:停水')).toBeCloseTo(Math.SQRT1_2, 6);
    expect(values.get('c:停')).toBeCloseTo(Math.SQRT1_2 / 2, 6);
    const plain = vectorise(doc, { ...v, blockNormalise: false }, termIndex(v));
    expect(Array.from(plain.values).every((x) => Math.abs(x - 1 / Math.sqrt(5)) < 1e-9)).toBe(true);
  });
});

describe('hotline dictionary', () => {
  it('keeps 12345 terms as single words', () => {
    const words = createJiebaTokenizer().words('小区噪音扰民，商户占道经营，预付卡退不了');
    expect(words).toEqual(expect.arrayContaining(['噪音扰民', '占道经营', '预付卡']));
  });
});

describe('multi-target text model', () => {
  const model = trainTextModel({ examples, targets: ['kind', 'group'], config: smallConfig, tokenizer: characterTokenizer });

  it.each([
    ['又停水了，家里没有自来水', 'water', 'city'],
    ['晚上装修电钻太吵了', 'noise', 'city'],
    ['老板拖欠我们两个月工资', 'wage', 'labour'],
  ])('classifies %s as %s / %s', (text, kind, group) => {
    const p = predictText(model, '', text, characterTokenizer);
    expect(p['kind']?.[0]?.label).toBe(kind);
    expect(p['group']?.[0]?.label).toBe(group);
  });

  it('returns probabilities that sum to one, best first', () => {
    const scores = predictText(model, '', '停水', characterTokenizer)['kind'] ?? [];
    expect(scores).toHaveLength(3);
    expect(scores.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
    expect(scores[0]!.score).toBeGreaterThanOrEqual(scores[1]!.score);
  });

  it('survives a JSON round trip with the same predictions', () => {
    const copy = loadTextModel(JSON.parse(JSON.stringify(model.json)));
    for (const [, text] of FIXTURE) {
      const a = predictText(model, '', text, characterTokenizer)['kind'] ?? [];
      const b = predictText(copy, '', text, characterTokenizer)['kind'] ?? [];
      expect(b[0]?.label).toBe(a[0]?.label);
      expect(b[0]?.score).toBeCloseTo(a[0]?.score ?? 0, 5);
    }
  });

  it('is deterministic for a seed', () => {
    const again = trainTextModel({ examples, targets: ['kind', 'group'], config: smallConfig, tokenizer: characterTokenizer });
    expect(again.json.heads['kind']?.members[0]?.weights).toBe(model.json.heads['kind']?.members[0]?.weights);
  });

  it.each(['cnb', 'ensemble', 'softmax', 'nbsvm-ensemble'] as const)('also trains the %s algorithm', (algorithm) => {
    const m = trainTextModel({ examples, targets: ['kind'], config: { ...smallConfig, algorithm }, tokenizer: characterTokenizer });
    expect(predictText(m, '', '拖欠工资不发', characterTokenizer)['kind']?.[0]?.label).toBe('wage');
  });

  it('still loads a model stored before title blocks and block norms (fields absent) and predicts as then', () => {
    const oldFeatures = { ...smallConfig.features, titleSeparate: undefined, titleWeight: 2 };
    const oldConfig = { ...smallConfig, algorithm: 'ensemble' as const, features: oldFeatures, vectorizer: { ...smallConfig.vectorizer, blockNormalise: undefined } };
    const m = trainTextModel({ examples, targets: ['kind'], config: oldConfig, tokenizer: characterTokenizer });
    const stored = JSON.parse(JSON.stringify(m.json)) as typeof m.json;
    expect(stored.config.features.titleSeparate).toBeUndefined();
    expect(stored.vectorizer.blockNormalise).toBeUndefined();
    expect(stored.vectorizer.terms.some((t) => t.startsWith('t'))).toBe(false);
    const loaded = loadTextModel(stored);
    const a = predictText(m, '停水', '家里没有自来水', characterTokenizer)['kind'] ?? [];
    const b = predictText(loaded, '停水', '家里没有自来水', characterTokenizer)['kind'] ?? [];
    expect(b[0]?.label).toBe('water');
    expect(b[0]?.score).toBeCloseTo(a[0]?.score ?? 0, 5);
  });

  it('uses NB-SVM over block-normalised TF-IDF with a title block by default', () => {
    expect(model.json.config.features.titleSeparate).toBe(true);
    expect(model.json.vectorizer.blockNormalise).toBe(true);
    expect(model.json.heads['kind']?.algorithm).toBe('nbsvm');
  });

  it('leaves examples without a label out of that head', () => {
    const partial = examples.map((e, i) => (i % 2 === 0 ? e : { ...e, labels: { kind: e.labels['kind'] } }));
    const m = trainTextModel({ examples: partial, targets: ['kind', 'group'], config: smallConfig, tokenizer: characterTokenizer });
    expect(m.json.heads['group']?.trainedOn).toBe(9);
    expect(m.json.heads['kind']?.trainedOn).toBe(18);
  });

  it('fits a temperature when calibrating on a held-out share', () => {
    // Calibration needs at least 20 examples: use the fixture twice, the second time as titles.
    const doubled = [...examples, ...examples.map((e) => ({ ...e, title: e.body, body: '' }))];
    const m = trainTextModel({ examples: doubled, targets: ['kind'], config: { ...smallConfig, calibrationFraction: 0.34 }, tokenizer: characterTokenizer });
    const t = m.json.heads['kind']?.members[0]?.temperature ?? 1;
    expect(t).toBeGreaterThan(0);
    expect(t).not.toBe(1);
  });

  it('holds a calibration group out whole, and a row without a group on its own', () => {
    expect(calibrationUnits([0, 1, 2, 3, 4], [undefined, 'a', undefined, 'b', 'a'])).toEqual([[0], [2], [1, 4], [3]]);
  });

  it('calibrates on whole groups: a different temperature than with the same examples ungrouped', () => {
    const doubled = [...examples, ...examples.map((e) => ({ ...e, title: e.body, body: '' }))];
    const config = { ...smallConfig, calibrationFraction: 0.34 };
    const temperature = (ex: TrainingExample[]) => trainTextModel({ examples: ex, targets: ['kind'], config, tokenizer: characterTokenizer }).json.heads['kind']?.members[0]?.temperature;
    // Each text and its title copy form a group: held out together, the held-out share is wording the model has not seen.
    const grouped = doubled.map((e, i) => ({ ...e, group: `g${i % examples.length}` }));
    expect(temperature(grouped)).not.toBe(temperature(doubled));
    // Groups of one are the same split as no groups.
    expect(temperature(doubled.map((e, i) => ({ ...e, group: `g${i}` })))).toBe(temperature(doubled));
  });
});

describe('temperature scaling', () => {
  it('cools over-confident scores (T > 1) and lowers the log-loss', () => {
    // Scores that are very confident but wrong one time in three.
    const scores = [0, 1, 2, 3, 4, 5].map(() => Float64Array.from([10, 0]));
    const labels = [0, 0, 1, 0, 0, 1];
    const t = fitTemperature(scores, labels);
    expect(t).toBeGreaterThan(1);
    expect(negativeLogLikelihood(scores, labels, t)).toBeLessThan(negativeLogLikelihood(scores, labels, 1));
  });
});

describe('metrics', () => {
  it('computes accuracy, per-label and macro F1', () => {
    const r = classificationReport(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(r.accuracy).toBe(0.75);
    expect(r.perLabelF1).toEqual({ a: 0.6667, b: 0.8 });
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 6);
  });
  it('makes stratified folds with each label spread evenly', () => {
    const labels = [...Array(10).fill('a'), ...Array(5).fill('b')] as string[];
    const folds = stratifiedFolds(labels, 5, 3);
    for (let f = 0; f < 5; f++) {
      expect(labels.filter((l, i) => l === 'a' && folds[i] === f)).toHaveLength(2);
      expect(labels.filter((l, i) => l === 'b' && folds[i] === f)).toHaveLength(1);
    }
  });
});

describe('calibration on separable data', () => {
  it('stops short of certainty thanks to the label smoothing', () => {
    const scores = [0, 1, 2, 3, 4, 5].map((i) => Float64Array.from(i % 2 === 0 ? [5, 0] : [0, 5]));
    const labels = [0, 1, 0, 1, 0, 1];
    const t = fitTemperature(scores, labels);
    const p = Math.exp(5 / t) / (Math.exp(5 / t) + 1);
    expect(p).toBeGreaterThan(0.97);
    expect(p).toBeLessThan(0.999);
  });
});
