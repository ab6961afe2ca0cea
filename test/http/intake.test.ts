import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IntakeRuntime } from '../../src/modules/intake/app/intake-runtime';
import { ensureIntakeModel, retrainIfDue } from '../../src/modules/intake/app/train-intake-model';
import type { Module } from '../../src/platform/module';
import { SYSTEM_ACTOR } from '../../src/platform/roles';
import { createTestApp, type TestApp } from '../support/http';
import { act, actOk, fetchTicket, HOUSING, register } from '../support/tickets';

let t: TestApp;
let intake: IntakeRuntime;
/** What a reaction declared after every production one sees, change by change: [order id, event types]. */
const observed: [string, string[]][] = [];
const observer: Module = {
  name: 'observer',
  tables: [],
  // it does not ask for the transaction on new orders, but sees them whenever another reaction does
  reactions: () => [{ name: 'test.observer', order: 900, watchesNewOrders: () => false, react: async (_tx, c) => void observed.push([c.after.id, c.events.map((e) => e.type)]) }],
};

beforeAll(async () => {
  // A smaller demo set than production (3,000) keeps the suite quick; the model is the same kind.
  t = await createTestApp({ intake: { demoOrderCount: 1500 }, extraModules: [observer] });
  intake = t.intake;
  await ensureIntakeModel(t.ctx, intake, SYSTEM_ACTOR);
});
afterAll(async () => t.close());

async function analyze(who: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/assist/analyze', headers: await t.as(who), payload });
}

const WATER = '家住鼓楼区黄楼街道幸福花园，小区突然停水了，也没有提前通知，联系电话13912345678';

describe('POST /assist/analyze', () => {
  it('suggests category (every level), unit, place, territorial units and entities', async () => {
    const res = await analyze('agent', { content: WATER });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.modelVersion).toBe(1);
    expect(body.categories).toHaveLength(3);
    expect(body.categories[0]).toMatchObject({ code: '120101', name: '停水', level: 3, path: [{ code: '12' }, { code: '1201' }] });
    expect(body.categoryLevels.level1[0].code).toBe('12');
    expect(body.categoryLevels.level2[0].code).toBe('1201');
    expect(body.units[0]).toMatchObject({ unitId: 'co-water' });
    expect(body.units[0].score).toBeGreaterThan(0.5);
    expect(body.division).toMatchObject({ cityCode: '3203', areaCode: '320302', areaName: '鼓楼区', streetCode: '320302001', streetName: '黄楼街道' });
    expect(body.responsibleUnits.map((u: { unitId: string }) => u.unitId)).toEqual(['s-320302001', 'd-320302']);
    expect(body.entities.phones[0]).toMatchObject({ value: '13912345678', kind: 'mobile', start: WATER.indexOf('13912345678') });
    expect(body.entities.addresses[0].text).toContain('黄楼街道幸福花园');
    expect(body.division.evidence.map((e: { level: string }) => e.level)).toEqual(expect.arrayContaining(['area', 'street']));
  });

  it('returns every entity field the console reads: masked ID numbers with their check, dates with day and time', async () => {
    const content = '我身份证号320302199001011234，昨天晚上8点在云龙区彭城街道解放路18号的佳佳乐超市买到过期食品，电话0516-83001234';
    const body = (await analyze('agent', { content })).json();
    expect(body.entities.idNumbers).toEqual([{ masked: '3203**********1234', valid: expect.any(Boolean), start: content.indexOf('3203') }]);
    expect(JSON.stringify(body)).not.toContain('320302199001011234');
    expect(body.entities.dates[0]).toMatchObject({ text: expect.stringContaining('昨天'), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), time: '20:00' });
    expect(body.entities.phones[0]).toMatchObject({ value: expect.stringContaining('83001234'), kind: 'landline' });
    expect(body.entities.businesses.map((b: { text: string }) => b.text)).toContain('佳佳乐超市');
  });

  it('sends territorial matters to the street office of the place', async () => {
    const body = (await analyze('dispatcher', { content: '门面房店外经营，桌椅摆满了人行道', address: '徐州市云龙区彭城街道解放路18号' })).json();
    expect(body.units[0]).toMatchObject({ unitId: 's-320303001', kind: 'street' });
  });

  it('finds a near-identical open order and the same caller', async () => {
    const first = await register(t, { content: WATER, caller: { name: '王女士', phone: '13912345678' }, address: '鼓楼区黄楼街道幸福花园' });
    const body = (await analyze('agent', { content: '鼓楼区黄楼街道幸福花园小区突然停水了，没有提前通知', callerPhone: '13912345678' })).json();
    expect(body.similar[0]).toMatchObject({ ticketId: first.id, number: first.number });
    expect(body.similar[0].reasons).toEqual(expect.arrayContaining(['same_caller', 'same_street']));
  });

  it('groups open orders that report the same event', async () => {
    const report = (content: string, phone: string) => register(t, { content, caller: { name: '市民', phone }, address: '云龙区彭城街道翠湖路与长安路交叉口' });
    const a = await report('翠湖路与长安路交叉口井盖丢失，车辆经过很危险', '13600000001');
    const b = await report('长安路和翠湖路路口的井盖没了，很危险，赶紧处理', '13600000002');
    const c = await report('翠湖路长安路交叉口井盖丢了，差点有人掉下去', '13600000003');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/assist/clusters?days=7', headers: await t.as('dispatcher') });
    expect(res.statusCode, res.body).toBe(200);
    const cluster = res.json().items.find((k: { tickets: { ticketId: string }[] }) => k.tickets.some((x) => x.ticketId === a.id));
    expect(cluster.tickets.map((x: { ticketId: string }) => x.ticketId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(cluster).toMatchObject({ size: 3, areaCode: '320303' });
  });

  it('places each report by the district its text names, when the address does not', async () => {
    // No address: only the text says where. Two reports of one broken manhole cover in 贾汪区 …
    const jiawang = '贾汪区大吴街道苏山路上有个窨井盖板破损塌陷，行人路过容易崴脚，请尽快维修';
    const a = await register(t, { content: jiawang, caller: { name: '市民', phone: '13600000011' } });
    const b = await register(t, { content: jiawang.replace('有个窨井盖板破损塌陷', '有个窨井盖板破了塌下去了'), caller: { name: '市民', phone: '13600000012' } });
    // … and two near-identical reports of fallen trees, one in 鼓楼区 and one in 云龙区: two events.
    const tree = '一条人行道上的行道树被大风刮断了，横在路中间，行人无法通行，请尽快清理';
    const gulou = await register(t, { content: `鼓楼区${tree}`, caller: { name: '市民', phone: '13600000013' } });
    const yunlong = await register(t, { content: `云龙区${tree}`, caller: { name: '市民', phone: '13600000014' } });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/assist/clusters?days=7', headers: await t.as('dispatcher') });
    expect(res.statusCode, res.body).toBe(200);
    type Cluster = { tickets: { ticketId: string }[]; areaCode: string | null; areaName: string | null };
    const containing = (id: string) => (res.json().items as Cluster[]).find((k) => k.tickets.some((x) => x.ticketId === id));
    const manhole = containing(a.id);
    expect(manhole?.tickets.map((x) => x.ticketId).sort()).toEqual([a.id, b.id].sort());
    expect(manhole).toMatchObject({ areaCode: '320305', areaName: '贾汪区' });
    // Different districts named in the text: never joined (each alone is below minSize 2, so in no cluster).
    expect(containing(gulou.id)?.tickets.some((x) => x.ticketId === yunlong.id) ?? false).toBe(false);
    expect(containing(yunlong.id)).toBeUndefined();
  });

  it('is for the hotline centre only', async () => {
    const res = await analyze('handler', { content: WATER });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH.FORBIDDEN');
  });

  it('rejects a body without content', async () => {
    const res = await analyze('agent', { title: '停水' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'content' });
  });
});

describe('model versions', () => {
  it('trains a new version from closed orders on demand, lists versions, rolls back and forward', async () => {
    const admin = await t.as('admin');
    // One closed order in the history: answered directly by the agent, with its category.
    const asked = await register(t, { content: '咨询新出台的购房政策，首套房契税怎么算', categoryCode: '170101' });
    await actOk(t, 'agent', asked, 'answer', { answer: '已按知识库口径答复' });
    const tooFew = await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/train', headers: admin, payload: { includeDemo: false } });
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json()).toMatchObject({ code: 'MODEL.TRAINING_DATA_INSUFFICIENT', field: 'includeDemo' });

    const trained = await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/train', headers: admin, payload: {} });
    expect(trained.statusCode, trained.body).toBe(201);
    expect(trained.json()).toMatchObject({ version: 2, active: true, source: 'history+demo', createdByName: '系统管理员' });
    expect(trained.json().metrics).toMatchObject({ historyOrders: 1, demoOrders: 1500 });

    let list = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/models', headers: admin })).json();
    expect(list.items.map((m: { version: number; active: boolean }) => [m.version, m.active])).toEqual([[2, true], [1, false]]);
    expect(list.items[0].metrics).toMatchObject({ demoOrders: 1500, categoryLabels: expect.any(Number) });

    const back = await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/1/activate', headers: admin });
    expect(back.statusCode, back.body).toBe(200);
    list = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/models', headers: admin })).json();
    expect(list.items.find((m: { active: boolean }) => m.active).version).toBe(1);
    expect((await analyze('agent', { content: WATER })).json().modelVersion).toBe(1);

    await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/2/activate', headers: admin });
    expect((await analyze('agent', { content: WATER })).json().modelVersion).toBe(2);
  }, 180_000); // training takes a few CPU-seconds, longer on a busy CI machine

  it('retrains on schedule only when the interval has passed and new orders have closed', async () => {
    const admin = await t.as('admin');
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/intake/settings', headers: admin, payload: { retrainIntervalHours: 24 } });
    expect(await retrainIfDue(t.ctx, intake, SYSTEM_ACTOR)).toBeNull(); // the last version is fresh
    // The schedule runs a day later (its own clock, so the test's sign-in sessions stay valid).
    const dayLater = { ...t.ctx, clock: { now: () => new Date(t.clock.now().getTime() + 25 * 3600_000) } };
    expect(await retrainIfDue(dayLater, intake, SYSTEM_ACTOR)).toBeNull(); // nothing closed since
    t.clock.advance(60_000);
    const asked = await register(t, { content: '咨询居住证办理需要哪些材料', categoryCode: '040203' });
    await actOk(t, 'agent', asked, 'answer', { answer: '已告知所需材料' });
    const retrained = await retrainIfDue(dayLater, intake, SYSTEM_ACTOR);
    expect(retrained).toMatchObject({ version: 3, createdBy: 'system', source: 'history+demo', active: true });
    expect(retrained?.metrics).toMatchObject({ historyOrders: 2 });
  }, 180_000);

  it('names who trained each version and who changed the settings, for a role that may not list users', async () => {
    const supervisor = await t.as('supervisor');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: supervisor })).statusCode).toBe(403);
    const admin = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: await t.as('admin') })).json();
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/models', headers: supervisor });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((m: { version: number; createdBy: string; createdByName: string }) => [m.version, m.createdBy, m.createdByName])).toEqual([
      [3, 'system', '系统'], // the scheduled retrain: the system, named as its events name it
      [2, admin.id, '系统管理员'], // the admin's training
      [1, 'system', '系统'], // the demo model
    ]);
    const settings = await t.app.inject({ method: 'GET', url: '/api/v1/admin/intake/settings', headers: supervisor });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ retrainIntervalHours: 24, updatedBy: admin.id, updatedByName: '系统管理员' });
  });

  it('answers MODEL.NOT_FOUND for an unknown version and refuses non-admins', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/99/activate', headers: await t.as('admin') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('MODEL.NOT_FOUND');
    const agent = await t.app.inject({ method: 'POST', url: '/api/v1/admin/models/train', headers: await t.as('agent'), payload: {} });
    expect(agent.statusCode).toBe(403);
  });
});

describe('automatic dispatch', () => {
  it('while off, lets a new order take the one-statement path (no transaction); once on, runs it in the hooks\' transaction', async () => {
    await t.as('agent');
    const transaction = vi.spyOn(t.ctx.db, 'transaction');
    try {
      await register(t, { content: '想问一下这个事情归哪里管' }); // off by default; deadlines never watch new orders
      expect(transaction).not.toHaveBeenCalled();
      const on = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/intake/settings',
        headers: await t.as('admin'),
        payload: { autoDispatchEnabled: true, autoDispatchThreshold: 0.999 },
      });
      expect(on.statusCode, on.body).toBe(200);
      transaction.mockClear();
      expect(await register(t, { content: '想问一下这个事情归哪里管' })).toMatchObject({ status: 'registered' });
      expect(transaction).toHaveBeenCalledTimes(1);
    } finally {
      transaction.mockRestore();
    }
  });

  it('dispatches a confident order as the system with its score; a return counts as an error', async () => {
    const admin = await t.as('admin');
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/intake/settings',
      headers: admin,
      payload: { autoDispatchEnabled: true, autoDispatchThreshold: 0.5 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ autoDispatchEnabled: true, autoDispatchThreshold: 0.5, updatedByName: '系统管理员' });

    const created = await register(t, { content: '物业不作为，楼道卫生长期没人打扫，物业公司推诿扯皮', caller: { name: '李先生', phone: '13700000001' } });
    expect(created).toMatchObject({ status: 'dispatched', leadUnitId: HOUSING }); // the answer to POST /tickets already shows it
    const order = (await fetchTicket(t, 'dispatcher', created.id)).json();
    expect(order).toMatchObject({ status: 'dispatched', leadUnitId: HOUSING });
    // The deadline hook sees the system's dispatch as it would a person's: the clocks start in the same transaction.
    expect(order.deadlines).toMatchObject({ signBy: expect.any(String), replyBy: expect.any(String) });
    const dispatched = order.events.find((e: { type: string }) => e.type === 'dispatched');
    expect(dispatched.actor).toMatchObject({ id: 'system', name: '系统自动派单' });
    expect(dispatched.payload).toMatchObject({ automatic: true, threshold: 0.5, modelVersion: 3 });
    expect(dispatched.payload.score).toBeGreaterThanOrEqual(0.5);
    // One writer, declared order: a reaction after automatic dispatch sees the creation first, then the dispatch
    // automatic dispatch made, then the deadline it set; the history numbers them in that order.
    expect(observed.filter(([id]) => id === created.id).map(([, types]) => types)).toEqual([['created'], ['dispatched'], ['deadline_changed']]);
    expect(order.events.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual([[1, 'created'], [2, 'dispatched'], [3, 'deadline_changed']]);

    let accuracy = (await t.app.inject({ method: 'GET', url: '/api/v1/assist/auto-dispatch/accuracy', headers: admin })).json();
    expect(accuracy).toMatchObject({ total: 1, returned: 0, accuracy: 1 });

    await actOk(t, 'handler2', order, 'return', { reason: '应由街道处理' });
    accuracy = (await t.app.inject({ method: 'GET', url: '/api/v1/assist/auto-dispatch/accuracy', headers: admin })).json();
    expect(accuracy).toMatchObject({ total: 1, returned: 1, accuracy: 0 });
    expect(accuracy.byModelVersion[0]).toMatchObject({ modelVersion: 3, total: 1, returned: 1 });
  });

  it('leaves an order for a person when the score is below the threshold', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/intake/settings', headers: await t.as('admin'), payload: { autoDispatchThreshold: 0.999 } });
    const created = await register(t, { content: '想问一下这个事情归哪里管' });
    expect((await fetchTicket(t, 'dispatcher', created.id)).json().status).toBe('registered');
  });

  it('lets only the admin change the settings', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/intake/settings', headers: await t.as('dispatcher'), payload: { autoDispatchEnabled: false } });
    expect(res.statusCode).toBe(403);
    const bad = await act(t, 'agent', { id: 'x', version: 1 }, 'comment', { text: 'x' });
    expect(bad.statusCode).toBe(404);
  });
});
