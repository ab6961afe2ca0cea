import { AppError } from '../../../platform/errors';
import { isCentre, type Actor } from '../../../platform/roles';
import { clusterOrders, DEFAULT_CLUSTER_OPTIONS } from '../engine/similar';
import { recentOrders } from '../../tickets';
import type { AppContext } from '../../../platform/context';
import type { IntakeRuntime } from './intake-runtime';

export interface OrderClusterView {
  size: number;
  cohesion: number;
  representative: { ticketId: string; number: string; title: string };
  tickets: Array<{ ticketId: string; number: string; title: string; status: string }>;
  areaCode: string | null;
  areaName: string | null;
}

/**
 * Open orders of the last `days` grouped by event (many reports of one burst pipe, one noisy site …), largest first.
 * The district of an order is resolved from its address, title and content (as the assistant resolves a request), so
 * reports that name their district only in the text are placed too, and reports in two districts are never joined.
 */
export async function clusterRecentOrders(
  ctx: AppContext,
  intake: IntakeRuntime,
  actor: Actor,
  options: { days: number; minSize: number; limit: number },
): Promise<OrderClusterView[]> {
  if (!isCentre(actor)) throw new AppError('AUTH.FORBIDDEN', 'Only hotline centre staff see event clusters');
  const since = new Date(ctx.clock.now().getTime() - options.days * 86400_000).toISOString();
  const rows = await recentOrders(ctx.db, since, null, 5000);
  const places = new Map(rows.map((r) => [r.id, intake.placeOfOrder(r)]));
  const clusters = clusterOrders(
    rows.map((r) => ({ id: r.id, number: r.number, text: `${r.title} ${r.content}`, areaCode: places.get(r.id)?.areaCode ?? null })),
    { ...DEFAULT_CLUSTER_OPTIONS, minSize: options.minSize },
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return clusters.slice(0, options.limit).map((c) => {
    const rep = byId.get(c.representativeId);
    // A cluster holds one known district at most: the representative's, or that of another member when its own is unknown.
    const place = [c.representativeId, ...c.ids].map((id) => places.get(id)).find((p) => p?.areaCode) ?? null;
    return {
      size: c.ids.length,
      cohesion: c.cohesion,
      representative: { ticketId: c.representativeId, number: rep?.number ?? '', title: rep?.title ?? '' },
      tickets: c.ids.map((id) => {
        const r = byId.get(id);
        return { ticketId: id, number: r?.number ?? '', title: r?.title ?? '', status: r?.status ?? '' };
      }),
      areaCode: place?.areaCode ?? null,
      areaName: place?.areaName ?? null,
    };
  });
}
