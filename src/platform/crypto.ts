import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import type { IdGen, PasswordHasher, TokenIssuer } from './context';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt with a per-password salt, stored as `scrypt$N$r$p$salt$key` so parameters can change later. */
export const scryptHasher: PasswordHasher = {
  async hash(password) {
    const salt = randomBytes(16);
    const key = await derive(password, salt);
    return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
  },
  async verify(password, stored) {
    const [scheme, , , , salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  },
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Opaque bearer tokens; only their hash is stored, so a leaked table cannot be replayed. */
export const randomTokens: TokenIssuer = {
  issue() {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: sha256(token) };
  },
  hash: sha256,
};

export const randomIds: IdGen = { id: () => randomUUID() };

export const systemClock = { now: () => new Date() };
