import type { Divisions } from '../../org/domain/divisions';
import { CATEGORY_TARGET, STREET_UNIT_LABEL, UNIT_TARGET } from './analyze';
import { generateDemoOrders, type DemoOrder } from './demo-orders';
import { DEFAULT_TEXT_MODEL_CONFIG, trainTextModel, type TextModel, type TextModelConfig, type TrainingExample } from './text-model';
import type { Tokenizer } from './tokenizer';

/**
 * Training examples from demo orders: the leaf category, and the unit (street offices as the street role). The
 * orders written from one phrase form a group, so calibration holds whole phrasings out and fits the scores on
 * wording the model has not seen (as a real request's is), not on another order of a phrase it learnt.
 */
export function demoTrainingExamples(orders: readonly DemoOrder[]): TrainingExample[] {
  return orders.map((o) => ({
    title: o.title,
    body: o.content,
    group: `${o.categoryCode}#${o.phrase}`,
    labels: { [CATEGORY_TARGET]: o.categoryCode, [UNIT_TARGET]: o.unitKey.startsWith('s-') ? STREET_UNIT_LABEL : o.unitKey },
  }));
}

/** The model the demo city ships with: trained on its synthetic orders, deterministic for a seed. */
export function trainDemoModel(
  divisions: Divisions,
  tokenizer: Tokenizer,
  options: { count?: number; seed?: number; config?: TextModelConfig } = {},
): TextModel {
  const orders = generateDemoOrders(divisions, { count: options.count ?? 3000, seed: options.seed ?? 12345 });
  return trainTextModel({
    examples: demoTrainingExamples(orders),
    targets: [CATEGORY_TARGET, UNIT_TARGET],
    config: options.config ?? DEFAULT_TEXT_MODEL_CONFIG,
    tokenizer,
  });
}
