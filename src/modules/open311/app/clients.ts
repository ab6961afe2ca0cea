import { auditStore } from '../../../platform/audit/audit.store';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor } from '../../../platform/roles';
import { Open311Error } from '../domain/errors';
import { open311Store, type ClientRecord } from '../open311.store';

/** Keys start with this, so a leaked one is recognisable in logs and secret scanners. */
export const KEY_PREFIX = 'o311_';

export function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', '只有管理员可以管理 Open311 Only an admin may manage Open311');
}

/** A client app as the admin page lists it: never its key or the key's hash. */
export interface ClientView {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Requests it filed that became orders. */
  requests: number;
}

const view = (c: ClientRecord, requests = 0): ClientView => ({
  id: c.id,
  name: c.name,
  keyPrefix: c.keyPrefix,
  createdAt: c.createdAt,
  revokedAt: c.revokedAt,
  lastUsedAt: c.lastUsedAt,
  requests,
});

/** Issues a key to a client app (admin). The key is in this answer only: the database keeps its SHA-256. */
export async function createClient(ctx: AppContext, actor: Actor, input: { name: string }): Promise<ClientView & { apiKey: string }> {
  requireAdmin(actor);
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION.FAILED', 'name must not be blank', 'name');
  const apiKey = `${KEY_PREFIX}${ctx.tokens.issue().token}`;
  const record: ClientRecord = {
    id: ctx.ids.id(),
    name,
    keyHash: ctx.tokens.hash(apiKey),
    keyPrefix: apiKey.slice(0, KEY_PREFIX.length + 4),
    createdAt: ctx.clock.now().toISOString(),
    createdBy: actor.id,
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
  };
  await ctx.db.transaction(async (tx) => {
    await open311Store(tx).insertClient(record);
    await auditStore(tx).record({ at: record.createdAt, actorId: actor.id, action: 'open311.client.create', entityType: 'open311_client', entityId: record.id, toState: view(record) });
  });
  return { ...view(record), apiKey };
}

export async function listClients(ctx: AppContext, actor: Actor): Promise<ClientView[]> {
  requireAdmin(actor);
  const store = open311Store(ctx.db);
  const counts = await store.submissionCounts();
  return (await store.listClients()).map((c) => view(c, counts.get(c.id) ?? 0));
}

/** Revokes a client's key at once (every node looks keys up in the database). Revoking twice is no error. */
export async function revokeClient(ctx: AppContext, actor: Actor, id: string): Promise<ClientView> {
  requireAdmin(actor);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const store = open311Store(tx);
    const before = await store.getClient(id);
    if (!before) throw new AppError('OPEN311.CLIENT_NOT_FOUND', `No Open311 client ${id}`, 'id');
    if (await store.revokeClient(id, at, actor.id)) {
      await auditStore(tx).record({ at, actorId: actor.id, action: 'open311.client.revoke', entityType: 'open311_client', entityId: id, fromState: view(before) });
    }
    return view((await store.getClient(id))!);
  });
}

/** The client app an api_key belongs to; 403 when the key is missing, unknown or revoked. */
export async function clientOfKey(ctx: AppContext, apiKey: string | undefined): Promise<ClientRecord> {
  const key = apiKey?.trim();
  if (!key) throw new Open311Error(403, 'api_key was not provided: POST requests needs the key the hotline issued to your app');
  const client = await open311Store(ctx.db).clientByKeyHash(ctx.tokens.hash(key));
  if (!client) throw new Open311Error(403, 'Invalid api_key');
  if (client.revokedAt) throw new Open311Error(403, 'This api_key has been revoked');
  await open311Store(ctx.db).touchClient(client.id, ctx.clock.now().toISOString());
  return client;
}

/** The actor a client app's orders are registered by (the order's timeline shows its name). */
export const clientActor = (client: Pick<ClientRecord, 'id' | 'name'>): Actor => ({
  id: `open311:${client.id}`,
  name: `${client.name}（Open311）`,
  roles: ['citizen'],
  unitId: null,
  kind: 'public',
});
