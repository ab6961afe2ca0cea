import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOneBatch } from '../../src/platform/events/readers';
import { createTestApp, type TestApp } from '../support/http';
import { register } from '../support/tickets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('GET /admin/event-readers', () => {
  it('shows each reader of the event log with how far behind it is, to the admin only', async () => {
    await register(t);
    await readOneBatch(t.ctx.db, t.ctx.events, { name: 'test.reader', batchSize: 1, handle: async () => undefined }, t.clock.now().toISOString());
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/event-readers', headers: await t.as('admin') });
    expect(res.statusCode, res.body).toBe(200);
    const reader = res.json().items.find((r: { name: string }) => r.name === 'test.reader');
    // one event handled (the batch size); the order's other events are still ahead of the cursor
    expect(reader).toMatchObject({ name: 'test.reader', behind: expect.any(Number) });
    expect(reader.position).toBeGreaterThan(0);
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/v1/admin/event-readers', headers: await t.as('agent') });
    expect(forbidden.statusCode).toBe(403);
  });
});
