import { describe, expect, it } from 'vitest';
import {
  accuracySince,
  canMergeIntoRepresentative,
  formatDuration,
  formatPercent,
  fromPercent,
  modelFacts,
  orderedClusterTickets,
  parseClusterFilters,
  retrainHoursValid,
  settingsChanges,
  settingsFormValues,
  thresholdValid,
  toPercent,
  type IntakeSettings,
  type OrderCluster,
} from './intake';
import { dictionaries } from '../../shell/i18n';
import { mayOpen, menuFor } from '../../shell/registry';

const settings: IntakeSettings = { autoDispatchEnabled: false, autoDispatchThreshold: 0.9, retrainIntervalHours: 168, updatedAt: null, updatedBy: null, updatedByName: null };

describe('automatic dispatch settings', () => {
  it('shows the threshold as a percentage with one decimal and sends it back as a probability', () => {
    expect(toPercent(0.9)).toBe(90);
    expect(toPercent(0.925)).toBe(92.5);
    expect(toPercent(0.9234)).toBe(92.3);
    expect(fromPercent(92.5)).toBe(0.925);
    expect(fromPercent(100)).toBe(1);
    expect(settingsFormValues(settings)).toEqual({ autoDispatchEnabled: false, thresholdPercent: 90, retrainIntervalHours: 168 });
  });

  it('validates what the API accepts: threshold in (0, 100] %, interval 0–8760 whole hours', () => {
    for (const ok of [0.1, 50, 90, 99.5, 100]) expect(thresholdValid(ok), String(ok)).toBe(true);
    for (const bad of [0, -5, 100.1, Number.NaN, null, undefined, '90']) expect(thresholdValid(bad), String(bad)).toBe(false);
    for (const ok of [0, 1, 168, 8760]) expect(retrainHoursValid(ok)).toBe(true);
    for (const bad of [-1, 1.5, 8761, null]) expect(retrainHoursValid(bad)).toBe(false);
  });

  it('sends only what changed', () => {
    expect(settingsChanges(settings, settingsFormValues(settings))).toEqual({});
    expect(settingsChanges(settings, { autoDispatchEnabled: true, thresholdPercent: 95, retrainIntervalHours: 168 })).toEqual({ autoDispatchEnabled: true, autoDispatchThreshold: 0.95 });
    expect(settingsChanges(settings, { autoDispatchEnabled: false, thresholdPercent: 90, retrainIntervalHours: 0 })).toEqual({ retrainIntervalHours: 0 });
    // A threshold stored with more precision than the form shows is not rewritten when untouched.
    const precise = { ...settings, autoDispatchThreshold: 0.9234 };
    expect(settingsChanges(precise, settingsFormValues(precise))).toEqual({});
  });
});

describe('accuracy and model versions', () => {
  it('formats rates, and "—" when there is none', () => {
    expect(formatPercent(0.9667)).toBe('96.7%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.42, 0)).toBe('42%');
    expect(formatPercent(null)).toBe('—');
  });

  it('turns the window into the `since` of the query', () => {
    const now = Date.parse('2026-03-10T00:00:00Z');
    expect(accuracySince('all', now)).toBeUndefined();
    expect(accuracySince('7d', now)).toBe('2026-03-03T00:00:00.000Z');
    expect(accuracySince('30d', now)).toBe('2026-02-08T00:00:00.000Z');
  });

  it('keeps the meaningful figures of `metrics` and drops anything malformed', () => {
    expect(
      modelFacts({ historyOrders: 0, demoOrders: 3000, features: 12345, categoryLabels: 40, unitLabels: 25, algorithm: 'nbsvm', trainMs: 8123, modelBytes: 2_000_000, categoryTemperature: 0.8 }),
    ).toEqual({ historyOrders: 0, demoOrders: 3000, features: 12345, categoryLabels: 40, unitLabels: 25, algorithm: 'nbsvm', trainMs: 8123, modelBytes: 2_000_000 });
    expect(modelFacts({ features: '12', trainMs: null, algorithm: '' })).toEqual({});
    expect(modelFacts(null)).toEqual({});
  });

  it('every source of training data the server records has a label in both languages', () => {
    for (const source of ['demo', 'history', 'history+demo']) {
      expect(`modelSource.${source}` in dictionaries.zh, source).toBe(true);
      expect(`modelSource.${source}` in dictionaries.en, source).toBe(true);
    }
  });

  it('says training time as people do', () => {
    expect(formatDuration(300, 'zh')).toBe('不到1秒');
    expect(formatDuration(42_300, 'zh')).toBe('42秒');
    expect(formatDuration(95_000, 'zh')).toBe('1分35秒');
    expect(formatDuration(120_000, 'zh')).toBe('2分钟');
    expect(formatDuration(95_000, 'en')).toBe('1 min 35 s');
  });
});

describe('event clusters', () => {
  const cluster: OrderCluster = {
    size: 3,
    cohesion: 0.82,
    representative: { ticketId: 't2', number: 'N2', title: '停水' },
    tickets: [
      { ticketId: 't1', number: 'N1', title: '停水了', status: 'registered' },
      { ticketId: 't2', number: 'N2', title: '停水', status: 'registered' },
      { ticketId: 't3', number: 'N3', title: '又停水', status: 'dispatched' },
    ],
    areaCode: '320302',
    areaName: '鼓楼区',
  };

  it('lists the representative first', () => {
    expect(orderedClusterTickets(cluster).map((x) => x.ticketId)).toEqual(['t2', 't1', 't3']);
  });

  it('offers merging as the workflow table allows: a dispatcher, a registered order, not the representative itself', () => {
    const [t1, t2, t3] = cluster.tickets as [OrderCluster['tickets'][number], OrderCluster['tickets'][number], OrderCluster['tickets'][number]];
    expect(canMergeIntoRepresentative(['dispatcher'], t1, 't2')).toBe(true);
    expect(canMergeIntoRepresentative(['dispatcher'], t2, 't2')).toBe(false);
    expect(canMergeIntoRepresentative(['dispatcher'], t3, 't2')).toBe(false);
    for (const role of ['agent', 'supervisor', 'leader', 'admin'] as const) expect(canMergeIntoRepresentative([role], t1, 't2'), role).toBe(false);
  });

  it('reads its filters from the address, within what the API takes', () => {
    expect(parseClusterFilters('')).toEqual({ days: 7, minSize: 2 });
    expect(parseClusterFilters('?days=30&minSize=3')).toEqual({ days: 30, minSize: 3 });
    expect(parseClusterFilters('?days=0&minSize=1')).toEqual({ days: 7, minSize: 2 });
    expect(parseClusterFilters('?days=91&minSize=2.5')).toEqual({ days: 7, minSize: 2 });
  });

  it('is in the menu of the hotline centre; smart intake of admin, dispatcher, supervisor and leader', () => {
    for (const role of ['dispatcher', 'agent', 'supervisor', 'leader', 'admin'] as const) expect(mayOpen([role], '/clusters'), role).toBe(true);
    for (const role of ['admin', 'dispatcher', 'supervisor', 'leader'] as const) expect(menuFor([role]), role).toContain('/intake');
    expect(mayOpen(['agent'], '/intake')).toBe(false);
    expect(mayOpen(['unit_handler'], '/clusters')).toBe(false);
    expect(mayOpen(['citizen'], '/intake')).toBe(false);
  });
});
