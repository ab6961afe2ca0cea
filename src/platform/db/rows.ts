import { SYSTEM_ACTOR } from '../roles';

/** Normalises what the two drivers return (Date vs string, number vs string) in one place. */
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
/** Who did something, for display: the joined user's display name, or the system's name as its events show it. */
export const actorName = (id: unknown, displayName: unknown): string | null =>
  id === SYSTEM_ACTOR.id ? SYSTEM_ACTOR.name : ((displayName as string | null | undefined) ?? null);
