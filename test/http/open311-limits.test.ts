// Open311's limits: at most 1,000 requests per answer (newest first), and the per-minute rate limits, counted in
// the database (every node counts against the same rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/modules/tickets';
import { SYSTEM_ACTOR } from '../../src/platform/roles';
import { createTestApp, type TestApp } from '../support/http';
import { expectErrors, issueKey, post, postOk } from '../support/open311';
import { expectSchema, readRequestsXml, requestsSchema } from '../support/georeport-spec';

let t: TestApp;
let key: string;
beforeAll(async () => {
  t = await createTestApp({ open311: { postsPerMinute: 3, readsPerMinute: 5 } });
  key = (await issueKey(t)).apiKey;
});
afterAll(async () => t?.close());

const agent = { ...SYSTEM_ACTOR, id: 'bench-agent', name: '座席', roles: ['agent' as const], kind: 'user' as const };

describe('Open311 limits', () => {
  it('answers at most 1,000 requests, the newest first', async () => {
    const start = t.clock.now().getTime();
    for (let i = 0; i < 1003; i++) {
      await createTicket(t.ctx, agent, { channel: 'phone', content: `第 ${i} 个井盖缺失`, categoryCode: '020402', receivedAt: new Date(start - (1003 - i) * 60_000).toISOString() });
    }
    const json = await t.app.inject({ url: '/open311/v2/requests.json' });
    expect(json.statusCode).toBe(200);
    const items = json.json() as { description: string }[];
    expectSchema(requestsSchema, items);
    expect(items).toHaveLength(1000);
    expect(items[0]!.description).toBe('第 1002 个井盖缺失');
    expect(items[999]!.description).toBe('第 3 个井盖缺失');
    const xml = await t.app.inject({ url: '/open311/v2/requests.xml' });
    expect(readRequestsXml(xml.body)).toHaveLength(1000);
  }, 180_000);

  it('limits reads per address and posts per client app per minute (429), in the requested format', async () => {
    t.clock.advance(60_000); // a fresh minute
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ url: '/open311/v2/services/020402.json' })).statusCode).toBe(200);
    expectErrors(await t.app.inject({ url: '/open311/v2/services/020402.xml' }), 'xml', 429, /at most 5 a minute/);
    expectErrors(await t.app.inject({ url: '/open311/v2/requests.json' }), 'json', 429, /Too many requests/);
    // another address has its own count
    expect((await t.app.inject({ url: '/open311/v2/services/020402.json', remoteAddress: '10.1.2.3' })).statusCode).toBe(200);

    const form = (n: number): [string, string][] => [['api_key', key], ['service_code', '020402'], ['address_string', `解放路 ${n} 号`], ['description', `井盖缺失 ${n}`]];
    for (let i = 0; i < 3; i++) await postOk(t, 'json', form(i));
    expectErrors(await post(t, 'json', form(3)), 'json', 429, /at most 3 a minute/);
    const other = (await issueKey(t, 'Other app')).apiKey;
    await postOk(t, 'xml', [['api_key', other], ...form(4).slice(1)]);
    t.clock.advance(60_000);
    await postOk(t, 'json', form(5));
    expect((await t.app.inject({ url: '/open311/v2/services/020402.json' })).statusCode).toBe(200);
  });
});
