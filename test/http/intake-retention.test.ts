import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIntakeModel } from '../../src/modules/intake/app/train-intake-model';
import { SYSTEM_ACTOR } from '../../src/platform/roles';
import { createTestApp, type TestApp } from '../support/http';

// INTAKE_MODELS_KEPT through the API: with one version kept, training a new one archives the previous one, which
// stays listed but can no longer be activated; the assistant goes on with the new one.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ intake: { demoOrderCount: 400, modelsKept: 1 } });
  await ensureIntakeModel(t.ctx, t.intake, SYSTEM_ACTOR);
}, 180_000);
afterAll(async () => t.close());

describe('model versions beyond INTAKE_MODELS_KEPT', () => {
  it('are archived when a newer one is trained, stay listed, and cannot be activated again', async () => {
    const admin = await t.as('admin');
    const trained = await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/train', headers: admin, payload: {} });
    expect(trained.statusCode, trained.body).toBe(201);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/models', headers: admin })).json();
    expect(list.items.map((m: { version: number; active: boolean; archivedAt: string | null }) => [m.version, m.active, m.archivedAt !== null])).toEqual([
      [2, true, false],
      [1, false, true],
    ]);
    const back = await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/1/activate', headers: admin });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'MODEL.ARCHIVED', field: 'version' });
    const analysed = await t.app.inject({ method: 'POST', url: '/api/v1/assist/analyze', headers: await t.as('agent'), payload: { content: '小区突然停水了，没有提前通知' } });
    expect(analysed.json().modelVersion).toBe(2);
  }, 120_000);
});
