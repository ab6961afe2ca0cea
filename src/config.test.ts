import { describe, expect, it } from 'vitest';
import { loadConfig, SETTINGS } from './config';

describe('configuration', () => {
  it('has defaults for everything but the secrets', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 12345, dataDir: './data', seedDemo: true, sessionHours: 12, loginMaxFailures: 5 });
    expect(c.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('reads the environment', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://x', SEED_DEMO: 'false', TRUST_PROXY: 'yes' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://x', seedDemo: false, trustProxy: true });
  });
  it.each([['PORT', 'eighty'], ['PORT', '70000'], ['SESSION_HOURS', '0'], ['LOGIN_MAX_FAILURES', '1.5']])('refuses %s=%s with a message naming it', (env, value) => {
    expect(() => loadConfig({ [env]: value })).toThrow(env);
  });
  it('marks the secrets', () => {
    const secrets = Object.values(SETTINGS).filter((s) => 'secret' in s && s.secret).map((s) => s.env);
    expect(secrets.sort()).toEqual(['ADMIN_PASSWORD', 'DATABASE_URL', 'DEMO_PASSWORD']);
  });
});
