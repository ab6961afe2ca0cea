/**
 * What smart intake exchanges: the analysis of a request (POST /assist/analyze) and its parts, a stored model
 * version and the settings of automatic dispatch and retraining. Shared by the intake core, the use cases, the
 * HTTP routes and the console, so the console reads exactly what the server sends.
 */

// ---- the analysis of a request ----------------------------------------------------------------------------

export interface ScoredCategory {
  code: string;
  name: string;
  level: number;
  score: number;
}

export type PlaceLevel = 'province' | 'city' | 'area' | 'street';

export interface ResolvedPlace {
  provinceCode: string | null;
  provinceName: string | null;
  cityCode: string | null;
  cityName: string | null;
  areaCode: string | null;
  areaName: string | null;
  streetCode: string | null;
  streetName: string | null;
  /** 0..1: how sure the resolution is (1 = every level spelled out, no rival). */
  confidence: number;
  /** The spans of text that supported the answer. */
  evidence: Array<{ text: string; start: number; level: PlaceLevel; code: string }>;
}

/** Entity positions are code-unit offsets in the half-width-normalised text, which has the input's length. */
export interface PhoneEntity {
  value: string;
  kind: 'mobile' | 'landline' | 'service';
  start: number;
}

export interface IdNumberEntity {
  /** First 4 and last 4 kept: 3203**********1234. The full number is never returned. */
  masked: string;
  /** The ISO 7064 check digit matches. */
  valid: boolean;
  start: number;
}

export interface SpanEntity {
  text: string;
  start: number;
}

export interface DateEntity {
  text: string;
  start: number;
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string;
  /** HH:MM when a time of day was given. */
  time: string | null;
}

export interface ExtractedEntities {
  phones: PhoneEntity[];
  idNumbers: IdNumberEntity[];
  addresses: SpanEntity[];
  businesses: SpanEntity[];
  dates: DateEntity[];
}

export type SimilarityReason = 'near_identical_text' | 'similar_text' | 'same_caller' | 'same_street' | 'same_area';

/** Top categories at each level; level 1 and 2 sum the leaf probabilities under them (codes nest by prefix). */
export interface CategoryLevels {
  level1: ScoredCategory[];
  level2: ScoredCategory[];
  level3: ScoredCategory[];
}

export interface UnitSuggestion {
  unitId: string;
  name: string;
  kind: string;
  score: number;
}

/** The answer of POST /api/v1/assist/analyze. */
export interface AnalysisForAgent {
  modelVersion: number;
  /** Top leaf categories; each carries its level-1 and level-2 parents. */
  categories: Array<ScoredCategory & { path: Array<{ code: string; name: string }> }>;
  /** Top categories at every level (level 1 and 2 are sums of the leaves under them). */
  categoryLevels: CategoryLevels;
  units: UnitSuggestion[];
  division: ResolvedPlace;
  /** The street office and district of the resolved place: the territorial units (属地). */
  responsibleUnits: Array<{ unitId: string; name: string; kind: string }>;
  entities: ExtractedEntities;
  similar: Array<{ ticketId: string; number: string; status: string; title: string; score: number; reasons: SimilarityReason[] }>;
}

// ---- administration ---------------------------------------------------------------------------------------

export interface ModelVersionMeta {
  id: string;
  version: number;
  createdAt: string;
  /** A user id, or `system` (the demo model, scheduled retraining). */
  createdBy: string | null;
  /** Who that is, for every role that reads versions (only admins may list users): the display name, or the system's. */
  createdByName: string | null;
  source: 'demo' | 'history' | 'history+demo';
  trainedOn: number;
  /** Whatever the trainer recorded (data counts, labels, temperatures, training time, size). */
  metrics: Record<string, unknown>;
  active: boolean;
  /**
   * When the version's weights were removed to save space (only the newest INTAKE_MODELS_KEPT versions and the
   * active one keep them); an archived version stays listed but can no longer be activated. Null while kept.
   */
  archivedAt: string | null;
}

export interface IntakeSettings {
  autoDispatchEnabled: boolean;
  /** A calibrated probability in (0, 1]. */
  autoDispatchThreshold: number;
  /** 0 = never retrain on a schedule. */
  retrainIntervalHours: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The display name of `updatedBy` (the system's name for `system`), read with the settings. */
  updatedByName: string | null;
}
