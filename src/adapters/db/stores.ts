import { attachmentStore } from './attachment.store';
import { auditStore } from './audit.store';
import { categoryStore } from './category.store';
import type { Sql } from './database';
import { loginAttemptStore } from './login-attempt.store';
import { portalLookupStore } from './portal-lookup.store';
import { sessionStore } from './session.store';
import { ticketStore } from './ticket.store';
import { unitStore } from './unit.store';
import { userStore } from './user.store';

/** All stores over one executor: the database itself, or a transaction. */
export function stores(sql: Sql) {
  return {
    tickets: ticketStore(sql),
    units: unitStore(sql),
    categories: categoryStore(sql),
    users: userStore(sql),
    sessions: sessionStore(sql),
    audit: auditStore(sql),
    attachments: attachmentStore(sql),
    portalLookups: portalLookupStore(sql),
    loginAttempts: loginAttemptStore(sql),
  };
}
export type Stores = ReturnType<typeof stores>;
