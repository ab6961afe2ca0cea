import type { Sql } from '../../../platform/db/database';
import { intakeStore } from '../intake.store';
import { loadDivisions, type Divisions } from '../../org';
import type { City } from '../../../platform/context';
import { placeTextOf } from '../engine/analyze';
import { buildPlaceIndex, resolvePlace, type PlaceContext, type PlaceIndex, type ResolvedPlace } from '../engine/places';
import { loadTextModel, trainTextModel, type TextModel, type TextModelConfig, type TextModelJson, type TrainingExample } from '../engine/text-model';
import type { Tokenizer } from '../engine/tokenizer';

/** Trains a model: in-process by default; main.ts passes a worker-thread trainer so the server stays responsive. */
export type ModelTrainer = (input: { examples: TrainingExample[]; targets: string[]; config: TextModelConfig }) => Promise<TextModel>;

/** Trains on this thread with `tokenizer` (the default trainer; tests use it). */
export function trainInProcess(tokenizer: Tokenizer): ModelTrainer {
  return async (input) => trainTextModel({ ...input, tokenizer });
}

/**
 * What the intake use cases share in memory: the tokenizer, the place index (built once), and the active
 * model (loaded once per version and reused until another version is activated).
 */
export interface IntakeRuntime {
  /** The city the hotline serves: unqualified place names are looked for there first. */
  city: City;
  tokenizer: Tokenizer;
  placeContext: PlaceContext;
  divisions(): Divisions;
  places(): PlaceIndex;
  /** The active model, or null when none was trained yet. Checks the active version on every call (one small query). */
  activeModel(sql: Sql): Promise<{ version: number; model: TextModel } | null>;
  /** Demo orders to train the shipped model on. */
  demoOrderCount: number;
  /** Model versions that keep their weights (the newest ones); older ones are archived when a version is stored. */
  modelsKept: number;
  train: ModelTrainer;
  /**
   * Place of a stored order, resolved from its address, title and content as POST /assist/analyze resolves a
   * request. Memoised by that text: each order is resolved once per node (about 0.1 ms), not on every clusters or
   * similar-orders request.
   */
  placeOfOrder(order: StoredOrderText): ResolvedPlace;
}

export interface StoredOrderText {
  address: string | null;
  title: string;
  content: string;
}

/** Model versions whose weights are kept unless configured (INTAKE_MODELS_KEPT). */
export const DEFAULT_MODELS_KEPT = 10;

/** The place memo is emptied when its keys pass this many characters (about 16 MB) or entries. */
const PLACE_MEMO_MAX_CHARS = 8_000_000;
const PLACE_MEMO_MAX_ENTRIES = 50_000;

export function createIntakeRuntime(options: {
  city: City;
  tokenizer: Tokenizer;
  placeContext?: PlaceContext;
  divisions?: () => Divisions;
  demoOrderCount?: number;
  modelsKept?: number;
  trainer?: ModelTrainer;
}): IntakeRuntime {
  let index: PlaceIndex | undefined;
  let cached: { version: number; model: TextModel } | null = null;
  const divisions = options.divisions ?? (() => loadDivisions());
  const placeMemo = new Map<string, ResolvedPlace>();
  let placeMemoChars = 0;
  const placeContext = options.placeContext ?? { cityCode: options.city.code };
  return {
    city: options.city,
    tokenizer: options.tokenizer,
    placeContext,
    demoOrderCount: options.demoOrderCount ?? 3000,
    modelsKept: options.modelsKept ?? DEFAULT_MODELS_KEPT,
    train: options.trainer ?? trainInProcess(options.tokenizer),
    divisions,
    places() {
      index ??= buildPlaceIndex(divisions());
      return index;
    },
    placeOfOrder(order) {
      const text = placeTextOf(order);
      let place = placeMemo.get(text);
      if (!place) {
        if (placeMemoChars + text.length > PLACE_MEMO_MAX_CHARS || placeMemo.size >= PLACE_MEMO_MAX_ENTRIES) {
          placeMemo.clear();
          placeMemoChars = 0;
        }
        index ??= buildPlaceIndex(divisions());
        place = resolvePlace(index, text, placeContext);
        placeMemo.set(text, place);
        placeMemoChars += text.length;
      }
      return place;
    },
    async activeModel(sql) {
      const store = intakeStore(sql);
      const version = await store.activeVersion();
      if (version === null) return null;
      if (cached?.version === version) return cached;
      const json = await store.modelJson(version);
      if (json === null) return null;
      cached = { version, model: loadTextModel(JSON.parse(json) as TextModelJson) };
      return cached;
    },
  };
}
