import type { Sql } from '../../adapters/db/database';
import { SYSTEM_ACTOR } from '../../domain/roles';

/** Events the platform itself records on an order (deadline changes, automatic supervision), in one statement. */
export interface SystemEvent {
  id: string;
  ticketId: string;
  seq: number;
  type: 'deadline_changed' | 'supervised';
  at: string;
  status: string;
  payload: Record<string, unknown>;
}

export async function insertSystemEvents(sql: Sql, events: readonly SystemEvent[]): Promise<void> {
  if (events.length === 0) return;
  await sql.query(
    `INSERT INTO ticket_events (id, ticket_id, seq, type, at, actor_id, actor_name, actor_roles, actor_unit_id, actor_kind, from_status, to_status, payload)
     SELECT e.id, e.ticket_id, e.seq, e.type, e.at, $7, $8, '{}'::text[], NULL, 'system', e.status, e.status, e.payload
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::timestamptz[], $6::text[], $9::jsonb[])
         AS e(id, ticket_id, seq, type, at, status, payload)`,
    [
      events.map((e) => e.id),
      events.map((e) => e.ticketId),
      events.map((e) => e.seq),
      events.map((e) => e.type),
      events.map((e) => e.at),
      events.map((e) => e.status),
      SYSTEM_ACTOR.id,
      SYSTEM_ACTOR.name,
      events.map((e) => JSON.stringify(e.payload)),
    ],
  );
}
