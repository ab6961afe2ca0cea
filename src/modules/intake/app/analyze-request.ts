import type { Sql } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { isCentre, type Actor } from '../../../platform/roles';
import type { AnalysisForAgent, ResolvedPlace, UnitSuggestion } from '../domain/intake';
import { analyzeRequest, STREET_UNIT_LABEL, type IntakeAnalysis } from '../engine/analyze';
import { findSimilarOrders } from '../engine/similar';
import type { AppContext } from '../../../platform/context';
import type { IntakeRuntime } from './intake-runtime';
import { listCategories, listUnits, type Unit } from '../../org';
import { recentOrders } from '../../tickets';

export interface AnalyzeRequestInput {
  title?: string | undefined;
  content: string;
  address?: string | undefined;
  callerPhone?: string | undefined;
}

/** Units by division code, for the territorial (属地) rule. */
function territorial(units: readonly Unit[], place: ResolvedPlace): { street: Unit | undefined; district: Unit | undefined } {
  return {
    street: place.streetCode ? units.find((u) => u.kind === 'street' && u.divisionCode === place.streetCode) : undefined,
    district: place.areaCode ? units.find((u) => u.kind === 'district' && u.divisionCode === place.areaCode) : undefined,
  };
}

/**
 * Unit suggestions from the model's unit labels: a unit id stays itself; the street role becomes the street
 * office of the resolved place (its score discounted by how sure the place is), or the district when only
 * the district is known.
 */
export function unitSuggestions(analysis: IntakeAnalysis, units: readonly Unit[], top = 3): UnitSuggestion[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const { street, district } = territorial(units, analysis.division);
  const scores = new Map<string, number>();
  for (const { label, score } of analysis.unitLabels) {
    let unit: Unit | undefined;
    let s = score;
    if (label === STREET_UNIT_LABEL) {
      unit = street ?? district;
      s = score * Math.min(1, analysis.division.confidence + 0.1);
    } else unit = byId.get(label);
    if (unit) scores.set(unit.id, (scores.get(unit.id) ?? 0) + s);
  }
  return [...scores.entries()]
    .map(([id, score]) => {
      const u = byId.get(id) as Unit;
      return { unitId: id, name: u.name, kind: u.kind, score: Math.round(score * 10000) / 10000 };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, top);
}

/** The analysis without permission checks or similar orders: also used by automatic dispatch. */
export async function analyzeWithModel(
  sql: Sql,
  intake: IntakeRuntime,
  input: AnalyzeRequestInput,
  now: Date,
): Promise<{ version: number; analysis: IntakeAnalysis; units: Unit[] } | null> {
  const active = await intake.activeModel(sql);
  if (!active) return null;
  const categories = await listCategories(sql);
  const analysis = analyzeRequest(
    { model: active.model, tokenizer: intake.tokenizer, places: intake.places(), categories, placeContext: intake.placeContext },
    { ...(input.title ? { title: input.title } : {}), content: input.content, ...(input.address ? { address: input.address } : {}), now },
  );
  return { version: active.version, analysis, units: await listUnits(sql) };
}

const SIMILAR_WINDOW_DAYS = 30;

/** POST /assist/analyze: what the agent's assistant shows while an order is being written. */
export async function analyzeRequestForAgent(ctx: AppContext, intake: IntakeRuntime, actor: Actor, input: AnalyzeRequestInput): Promise<AnalysisForAgent> {
  if (!isCentre(actor)) throw new AppError('AUTH.FORBIDDEN', '只有热线中心人员可以使用智能辅助 Only hotline centre staff use the intake assistant');
  if (!input.content.trim()) throw new AppError('VALIDATION.FAILED', 'content must not be blank', 'content');
  const now = ctx.clock.now();
  const result = await analyzeWithModel(ctx.db, intake, input, now);
  if (!result) throw new AppError('MODEL.NOT_READY', '尚未训练分类模型 No classification model has been trained yet: POST /admin/models/train');
  const { analysis, units, version } = result;
  const categoriesByCode = new Map((await listCategories(ctx.db)).map((c) => [c.code, c]));
  const { street, district } = territorial(units, analysis.division);

  const phone = input.callerPhone ?? analysis.entities.phones.find((p) => p.kind === 'mobile')?.value ?? null;
  const since = new Date(now.getTime() - SIMILAR_WINDOW_DAYS * 86400_000).toISOString();
  const candidates = await recentOrders(ctx.db, since, phone, 400);
  const similar = findSimilarOrders(
    { text: `${input.title ?? ''} ${input.content}`, callerPhone: phone, streetCode: analysis.division.streetCode, areaCode: analysis.division.areaCode },
    candidates.map((c) => {
      const place = intake.placeOfOrder(c); // from address, title and content, as the request's own place
      return { id: c.id, number: c.number, text: `${c.title} ${c.content}`, callerPhone: c.callerPhone, streetCode: place.streetCode, areaCode: place.areaCode };
    }),
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    modelVersion: version,
    categories: analysis.categories.level3.map((c) => ({
      ...c,
      path: [c.code.slice(0, 2), c.code.slice(0, 4)].filter((p) => p !== c.code).map((p) => ({ code: p, name: categoriesByCode.get(p)?.name ?? p })),
    })),
    categoryLevels: analysis.categories,
    units: unitSuggestions(analysis, units),
    division: analysis.division,
    responsibleUnits: [street, district].filter((u): u is Unit => u !== undefined).map((u) => ({ unitId: u.id, name: u.name, kind: u.kind })),
    entities: analysis.entities,
    similar: similar.map((m) => ({
      ticketId: m.id,
      number: m.number ?? '',
      status: byId.get(m.id)?.status ?? '',
      title: byId.get(m.id)?.title ?? '',
      score: m.score,
      reasons: m.reasons,
    })),
  };
}
