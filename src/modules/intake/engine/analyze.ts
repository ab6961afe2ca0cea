import type { CategoryLevels, ScoredCategory } from '../domain/intake';
import { extractEntities, type ExtractedEntities } from './entities';
import { resolvePlace, type PlaceContext, type PlaceIndex, type ResolvedPlace } from './places';
import { headProbabilities, vectoriseRequest, type ScoredLabel, type TextModel } from './text-model';
import type { Tokenizer } from './tokenizer';

/**
 * One request analysed for the agent: category at every level of the tree, the handling unit, the place,
 * and the entities to fill in. Pure given its inputs (model, tokenizer, place index, clock value).
 */

/** Target names of the text model's heads. */
export const CATEGORY_TARGET = 'category';
export const UNIT_TARGET = 'unit';
/**
 * Unit label meaning "the street/township office of the place": territorial work goes to whichever street
 * the request is in, so the model learns the role and the place resolver supplies the street.
 */
export const STREET_UNIT_LABEL = '@street';

export interface CategoryInfo {
  code: string;
  name: string;
  level: number;
}

export type { ScoredCategory } from '../domain/intake';

export interface IntakeAnalysis {
  categories: CategoryLevels;
  /** Unit labels as trained (unit ids or STREET_UNIT_LABEL), best first. */
  unitLabels: ScoredLabel[];
  division: ResolvedPlace;
  entities: ExtractedEntities;
}

export interface AnalyzeDeps {
  model: TextModel;
  tokenizer: Tokenizer;
  places: PlaceIndex;
  categories: readonly CategoryInfo[];
  placeContext: PlaceContext;
}

export interface AnalyzeInput {
  title?: string;
  content: string;
  address?: string;
  now: Date;
  /** How many suggestions per level (default 3). */
  top?: number;
}

const LEVEL_LENGTH: Record<number, number> = { 1: 2, 2: 4, 3: 6 };

/**
 * The text the place resolver reads for a request or a stored order: the explicit address first (the best place
 * evidence), then the title and the content, which may name the district or street when the address does not.
 * Division evidence offsets are positions in this text.
 */
export function placeTextOf(order: { address?: string | null | undefined; title?: string | null | undefined; content: string }): string {
  return [order.address ?? '', order.title ?? '', order.content].filter((s) => s.length > 0).join('，');
}

/** Roll category probabilities up the tree: a level-k code's score is the sum of the codes under it. */
export function rollUpCategories(scored: readonly ScoredLabel[], categories: readonly CategoryInfo[], top: number): IntakeAnalysis['categories'] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const levels: ScoredCategory[][] = [[], [], []];
  for (const level of [1, 2, 3]) {
    const length = LEVEL_LENGTH[level] as number;
    const sums = new Map<string, number>();
    for (const s of scored) {
      if (s.label.length < length) continue;
      const prefix = s.label.slice(0, length);
      sums.set(prefix, (sums.get(prefix) ?? 0) + s.score);
    }
    levels[level - 1] = [...sums.entries()]
      .map(([code, score]) => ({ code, name: byCode.get(code)?.name ?? code, level, score: Math.round(score * 10000) / 10000 }))
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
      .slice(0, top);
  }
  return { level1: levels[0] ?? [], level2: levels[1] ?? [], level3: levels[2] ?? [] };
}

export function analyzeRequest(deps: AnalyzeDeps, input: AnalyzeInput): IntakeAnalysis {
  const top = input.top ?? 3;
  const title = input.title ?? '';
  const row = vectoriseRequest(deps.model, title, input.content, deps.tokenizer);
  const category = headProbabilities(deps.model, CATEGORY_TARGET, row);
  const unitLabels = headProbabilities(deps.model, UNIT_TARGET, row).slice(0, Math.max(top, 5));
  const division = resolvePlace(deps.places, placeTextOf({ address: input.address, title, content: input.content }), deps.placeContext);
  return {
    categories: rollUpCategories(category, deps.categories, top),
    unitLabels,
    division,
    // Offsets of the entities are positions in the content (what the agent types into).
    entities: extractEntities(input.content, input.now),
  };
}
