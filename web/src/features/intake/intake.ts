// Smart intake administration (智能受理) and event clusters as the console sees them: the DTOs of
// /admin/models, /admin/intake/settings, /assist/auto-dispatch/accuracy and /assist/clusters, and the pure
// rules the pages apply to them (percent threshold, changed fields only, model facts, who may merge what).
import type { IntakeSettings } from '../../../../src/modules/intake/domain/intake';
import { TRANSITIONS } from '../../../../src/modules/tickets/domain/transitions';
import type { Role, Status } from '../../shell/types';

/** The DTOs of /admin/models and /admin/intake/settings, as the server defines them. */
export type { ModelVersionMeta as ModelVersion, IntakeSettings } from '../../../../src/modules/intake/domain/intake';

export type IntakeSettingsPatch = Partial<Pick<IntakeSettings, 'autoDispatchEnabled' | 'autoDispatchThreshold' | 'retrainIntervalHours'>>;

export interface AutoDispatchAccuracy {
  total: number;
  returned: number;
  /** null when nothing was dispatched automatically in the window. */
  accuracy: number | null;
  byModelVersion: { modelVersion: number; total: number; returned: number; accuracy: number; meanScore: number }[];
  since: string | null;
}

export interface ClusterTicket {
  ticketId: string;
  number: string;
  title: string;
  status: Status | string;
}

export interface OrderCluster {
  size: number;
  /** Mean cosine of the members to the representative, 0–1. */
  cohesion: number;
  representative: { ticketId: string; number: string; title: string };
  tickets: ClusterTicket[];
  areaCode: string | null;
  areaName: string | null;
}

// What the API accepts (src/adapters/http/routes/intake.route.ts): threshold in (0, 1], interval 0–8760 h.
/** The form shows the threshold as a percentage with one decimal: 0.9 → 90, 0.925 → 92.5. */
export const THRESHOLD_PERCENT = { min: 0.1, max: 100, risky: 50 } as const;
export const RETRAIN_HOURS = { min: 0, max: 8760 } as const;

export function toPercent(probability: number): number {
  return Math.round(probability * 1000) / 10;
}

export function fromPercent(percent: number): number {
  return Math.round(percent * 10) / 1000;
}

export function thresholdValid(percent: unknown): boolean {
  return typeof percent === 'number' && Number.isFinite(percent) && percent >= THRESHOLD_PERCENT.min && percent <= THRESHOLD_PERCENT.max;
}

export function retrainHoursValid(hours: unknown): boolean {
  return typeof hours === 'number' && Number.isInteger(hours) && hours >= RETRAIN_HOURS.min && hours <= RETRAIN_HOURS.max;
}

export interface SettingsFormValues {
  autoDispatchEnabled: boolean;
  /** Percent, as the form shows it. */
  thresholdPercent: number;
  retrainIntervalHours: number;
}

export function settingsFormValues(s: IntakeSettings): SettingsFormValues {
  return { autoDispatchEnabled: s.autoDispatchEnabled, thresholdPercent: toPercent(s.autoDispatchThreshold), retrainIntervalHours: s.retrainIntervalHours };
}

/** The PUT body: only what the admin changed, so the audit trail records real changes. */
export function settingsChanges(before: IntakeSettings, v: SettingsFormValues): IntakeSettingsPatch {
  const out: IntakeSettingsPatch = {};
  if (v.autoDispatchEnabled !== before.autoDispatchEnabled) out.autoDispatchEnabled = v.autoDispatchEnabled;
  // Compared as shown (one decimal of a percent), so an untouched 0.9234 is not rewritten as 0.923.
  if (v.thresholdPercent !== toPercent(before.autoDispatchThreshold)) out.autoDispatchThreshold = fromPercent(v.thresholdPercent);
  if (v.retrainIntervalHours !== before.retrainIntervalHours) out.retrainIntervalHours = v.retrainIntervalHours;
  return out;
}

/** 0.9667 → "96.7%"; null → "—". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** The `since` of the accuracy query for a window ending now; undefined = all time. */
export type AccuracyWindow = 'all' | '30d' | '7d';
export function accuracySince(window: AccuracyWindow, now: number): string | undefined {
  if (window === 'all') return undefined;
  const days = window === '30d' ? 30 : 7;
  return new Date(now - days * 86_400_000).toISOString();
}

/** The parts of a version's `metrics` worth showing; anything missing or of the wrong type is left out. */
export interface ModelFacts {
  historyOrders?: number;
  demoOrders?: number;
  categoryLabels?: number;
  unitLabels?: number;
  features?: number;
  algorithm?: string;
  trainMs?: number;
  modelBytes?: number;
}

export function modelFacts(metrics: Record<string, unknown> | null | undefined): ModelFacts {
  const m = metrics ?? {};
  const out: ModelFacts = {};
  for (const k of ['historyOrders', 'demoOrders', 'categoryLabels', 'unitLabels', 'features', 'trainMs', 'modelBytes'] as const) {
    const v = m[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  if (typeof m.algorithm === 'string' && m.algorithm) out.algorithm = m.algorithm;
  return out;
}

/** Training time as people read it: 42_300 ms → "42秒", 95_000 → "1分35秒", 120_000 → "2分钟" (like formatHours). */
export function formatDuration(ms: number, lang: 'zh' | 'en'): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 1) return lang === 'zh' ? '不到1秒' : '< 1 s';
  if (s < 60) return lang === 'zh' ? `${s}秒` : `${s} s`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  return lang === 'zh' ? `${m}分${r ? `${r}秒` : '钟'}` : `${m} min${r ? ` ${r} s` : ''}`;
}

/**
 * Whether this user may merge this order into the cluster's representative from the cluster view: the
 * workflow table's `merge` rule (who, from which status), and never the representative into itself. The
 * server checks again; the console only decides whether to offer the button.
 */
export function canMergeIntoRepresentative(roles: readonly Role[], ticket: Pick<ClusterTicket, 'ticketId' | 'status'>, representativeId: string): boolean {
  const rule = TRANSITIONS.merge;
  return (
    ticket.ticketId !== representativeId &&
    rule.roles.some((r) => roles.includes(r)) &&
    (rule.from as readonly string[]).includes(ticket.status)
  );
}

/** The representative first, then the others as the server listed them. */
export function orderedClusterTickets(c: OrderCluster): ClusterTicket[] {
  const rep = c.tickets.find((x) => x.ticketId === c.representative.ticketId);
  return rep ? [rep, ...c.tickets.filter((x) => x !== rep)] : c.tickets;
}

/** Filters of the cluster view as they live in the address (`?days=7&minSize=2`), clamped to what the API takes. */
export interface ClusterFilters {
  days: number;
  minSize: number;
}
export const CLUSTER_DEFAULTS: ClusterFilters = { days: 7, minSize: 2 };

export function parseClusterFilters(search: string): ClusterFilters {
  const q = new URLSearchParams(search);
  const int = (k: string, min: number, max: number, dflt: number) => {
    const n = Number(q.get(k));
    return q.get(k) !== null && Number.isInteger(n) && n >= min && n <= max ? n : dflt;
  };
  return { days: int('days', 1, 90, CLUSTER_DEFAULTS.days), minSize: int('minSize', 2, 100, CLUSTER_DEFAULTS.minSize) };
}
