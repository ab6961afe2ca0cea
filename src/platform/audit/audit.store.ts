import type { Sql } from '../db/database';
import { iso } from '../db/rows';

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  fromState?: unknown;
  toState?: unknown;
  ip?: string | null;
}

export function auditStore(sql: Sql) {
  return {
    async record(e: AuditEntry): Promise<void> {
      await sql.query(
        'INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, from_state, to_state, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [e.at, e.actorId, e.action, e.entityType, e.entityId,
          e.fromState === undefined ? null : JSON.stringify(e.fromState),
          e.toState === undefined ? null : JSON.stringify(e.toState), e.ip ?? null],
      );
    },
    async forEntity(entityType: string, entityId: string): Promise<Required<AuditEntry>[]> {
      const rows = await sql.query('SELECT * FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [entityType, entityId]);
      return rows.map((r) => ({
        at: iso(r.at),
        actorId: (r.actor_id as string | null) ?? null,
        action: String(r.action),
        entityType: String(r.entity_type),
        entityId: (r.entity_id as string | null) ?? null,
        fromState: r.from_state ?? null,
        toState: r.to_state ?? null,
        ip: (r.ip as string | null) ?? null,
      }));
    },
  };
}
export type AuditStore = ReturnType<typeof auditStore>;
