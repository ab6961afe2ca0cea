import type { Sql } from '../../adapters/db/database';
import { intakeStore } from '../../adapters/db/intake.store';
import { loadDivisions, type Divisions } from '../../demo/divisions';
import { DEMO_CITY } from '../../demo/org';
import { buildPlaceIndex, resolvePlace, type PlaceContext, type PlaceIndex, type ResolvedPlace } from '../../intake/places';
import { loadTextModel, trainTextModel, type TextModel, type TextModelConfig, type TextModelJson, type TrainingExample } from '../../intake/text-model';
import type { Tokenizer } from '../../intake/tokenizer';

/** Trains a model: in-process by default; main.ts passes a worker-thread trainer so the server stays responsive. */
export type ModelTrainer = (input: { examples: TrainingExample[]; targets: string[]; config: TextModelConfig }) => Promise<TextModel>;

/**
 * What the intake use cases share in memory: the tokenizer, the place index (built once), and the active
 * model (loaded once per version and reused until another version is activated).
 */
export interface IntakeRuntime {
  tokenizer: Tokenizer;
  placeContext: PlaceContext;
  divisions(): Divisions;
  places(): PlaceIndex;
  /** The active model, or null when none was trained yet. Checks the active version on every call (one small query). */
  activeModel(sql: Sql): Promise<{ version: number; model: TextModel } | null>;
  /** Demo orders to train the shipped model on. */
  demoOrderCount: number;
  train: ModelTrainer;
  /** Place of a stored order's address, memoised (similar-order search resolves the same addresses often). */
  placeOfAddress(address: string): ResolvedPlace;
}

export function createIntakeRuntime(options: {
  tokenizer: Tokenizer;
  placeContext?: PlaceContext;
  divisions?: () => Divisions;
  demoOrderCount?: number;
  trainer?: ModelTrainer;
}): IntakeRuntime {
  let index: PlaceIndex | undefined;
  let cached: { version: number; model: TextModel } | null = null;
  const divisions = options.divisions ?? (() => loadDivisions());
  const placeCache = new Map<string, ResolvedPlace>();
  const placeContext = options.placeContext ?? { cityCode: DEMO_CITY.cityCode };
  return {
    tokenizer: options.tokenizer,
    placeContext,
    demoOrderCount: options.demoOrderCount ?? 3000,
    train: options.trainer ?? (async (input) => trainTextModel({ ...input, tokenizer: options.tokenizer })),
    divisions,
    places() {
      index ??= buildPlaceIndex(divisions());
      return index;
    },
    placeOfAddress(address) {
      let place = placeCache.get(address);
      if (!place) {
        if (placeCache.size > 20_000) placeCache.clear();
        index ??= buildPlaceIndex(divisions());
        place = resolvePlace(index, address, placeContext);
        placeCache.set(address, place);
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
