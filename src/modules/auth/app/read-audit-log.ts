import type { AuditEntry } from '../../../platform/audit/audit.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor } from '../../../platform/roles';
import type { AppContext } from '../../../platform/context';
import { auditStore } from '../../../platform/audit/audit.store';

/** What was done to an account, a unit or the system, by whom and when (admin and supervisors). */
export async function readAuditLog(ctx: AppContext, actor: Actor, entityType: string, entityId: string): Promise<Required<AuditEntry>[]> {
  if (!hasRole(actor, 'admin', 'supervisor')) throw new AppError('AUTH.FORBIDDEN', 'Only administrators and supervisors may read the audit log');
  return auditStore(ctx.db).forEntity(entityType, entityId);
}
