import type { AuditEntry } from '../adapters/db/audit.store';
import { stores } from '../adapters/db/stores';
import { AppError } from '../domain/errors';
import { hasRole, type Actor } from '../domain/roles';
import type { AppContext } from './ports';

/** What was done to an account, a unit or the system, by whom and when (admin and supervisors). */
export async function readAuditLog(ctx: AppContext, actor: Actor, entityType: string, entityId: string): Promise<Required<AuditEntry>[]> {
  if (!hasRole(actor, 'admin', 'supervisor')) throw new AppError('AUTH.FORBIDDEN', 'Only administrators and supervisors may read the audit log');
  return stores(ctx.db).audit.forEntity(entityType, entityId);
}
