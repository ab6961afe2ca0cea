// Open311 GeoReport v2 over HTTP: every method in both formats, each answer read as the specification describes
// it (test/support/georeport-spec.ts) and the two formats compared; form-encoded POST with attributes; errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';
import {
  discoverySchema,
  expectSchema,
  readDiscoveryXml,
  readRequestsXml,
  readServiceDefinitionXml,
  readServicesXml,
  readTokenXml,
  requestsSchema,
  serviceDefinitionSchema,
  servicesSchema,
  tokenSchema,
} from '../support/georeport-spec';
import { expectErrors, FORM, issueKey, post, postOk } from '../support/open311';
import { actOk, fetchTicket, STREET, type TicketJson } from '../support/tickets';

let t: TestApp;
let key: string;
const LIGHTS = '020401'; // 城市管理 / 市政设施 / 路灯不亮
const INACTION = '150201'; // 不作为投诉 / 不作为: private by default

beforeAll(async () => {
  t = await createTestApp();
  key = (await issueKey(t, '随手拍 App')).apiKey;
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/admin/open311/services/${LIGHTS}`,
    headers: await t.as('admin'),
    payload: {
      description: '路灯不亮、闪烁或白天常亮',
      keywords: '路灯, 照明, street light',
      serviceNotice: '城管部门将在 3 个工作日内核查修复',
      private: false,
      expectedVersion: 0,
      attributes: [
        { code: 'pole', variable: true, datatype: 'string', required: true, datatypeDescription: '灯杆上的编号，如 YL-0231', order: 1, description: '灯杆编号', values: [] },
        {
          code: 'state',
          variable: true,
          datatype: 'singlevaluelist',
          required: true,
          datatypeDescription: null,
          order: 2,
          description: '路灯状态',
          values: [
            { key: 'off', name: '不亮' },
            { key: 'flicker', name: '闪烁' },
          ],
        },
        {
          code: 'hazards',
          variable: true,
          datatype: 'multivaluelist',
          required: false,
          datatypeDescription: null,
          order: 3,
          description: '伴随隐患',
          values: [
            { key: 'wire', name: '电线裸露' },
            { key: 'tilt', name: '灯杆倾斜' },
          ],
        },
        { code: 'count', variable: true, datatype: 'number', required: false, datatypeDescription: null, order: 4, description: '不亮的盏数', values: [] },
        { code: 'note', variable: false, datatype: 'text', required: false, datatypeDescription: null, order: 5, description: '夜间请注意安全', values: [] },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** GETs a resource in both formats, reads each as the specification describes it, and checks they say the same. */
async function both(path: string, readXml: (xml: string) => unknown, schema: object): Promise<unknown> {
  const [json, xml] = await Promise.all([get(`/open311/v2/${path.replace('{f}', 'json')}`), get(`/open311/v2/${path.replace('{f}', 'xml')}`)]);
  expect(json.statusCode, json.body).toBe(200);
  expect(xml.statusCode, xml.body).toBe(200);
  expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  const fromJson = json.json();
  const fromXml = readXml(xml.body);
  expectSchema(schema, fromJson);
  expectSchema(schema, fromXml);
  expect(fromXml).toEqual(fromJson);
  return fromJson;
}

/** The form with some fields replaced (or added). */
const withFields = (form: [string, string][], fields: Record<string, string>): [string, string][] => [
  ...form.filter(([k]) => !(k in fields)),
  ...Object.entries(fields),
];

const lightsForm = (extra: [string, string][] = []): [string, string][] => [
  ['api_key', key],
  ['service_code', LIGHTS],
  ['lat', '34.2658'],
  ['long', '117.1872'],
  ['address_string', '鼓楼区中山北路 88 号门前'],
  ['description', '中山北路 88 号门前路灯连续三晚不亮，行人看不清路。'],
  ['first_name', '三'],
  ['last_name', '张'],
  ['phone', '13912345678'],
  ['email', 'zhang.san@example.com'],
  ['device_id', 'device-42'],
  ['account_id', 'acct-7'],
  ['media_url', 'https://img.example.com/lights/88.jpg'],
  ['attribute[pole]', 'YL-0231'],
  ['attribute[state]', 'off'],
  ['attribute[hazards][]', 'wire'],
  ['attribute[hazards][]', 'tilt'],
  ['attribute[count]', '2'],
  ...extra,
];

describe('discovery and services', () => {
  it('serves the discovery document in both formats, naming the v2 endpoint and its formats', async () => {
    const json = await get('/open311/discovery.json');
    const xml = await get('/open311/discovery.xml');
    expect(json.statusCode).toBe(200);
    expectSchema(discoverySchema, json.json());
    const fromXml = readDiscoveryXml(xml.body);
    expectSchema(discoverySchema, fromXml);
    expect(fromXml).toEqual(json.json());
    const [endpoint] = json.json().endpoints;
    expect(endpoint).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] });
    expect(endpoint.url).toMatch(/\/open311\/v2$/);
    // the service definitions changed (beforeAll): the changeset says when
    expect(json.json().changeset).toBe('2025-09-30T10:00:00+08:00');
  });

  it('lists every leaf category as a realtime service grouped by its first-level name', async () => {
    const services = (await both('services.{f}', readServicesXml, servicesSchema)) as Record<string, unknown>[];
    expect(services).toHaveLength(181);
    expect(services.every((s) => s.type === 'realtime' && typeof s.service_code === 'string')).toBe(true);
    expect(services.find((s) => s.service_code === LIGHTS)).toEqual({
      service_code: LIGHTS,
      service_name: '路灯不亮',
      description: '路灯不亮、闪烁或白天常亮',
      metadata: true,
      type: 'realtime',
      keywords: '路灯, 照明, street light',
      group: '城市管理',
    });
    expect(services.find((s) => s.service_code === '020402')).toMatchObject({ service_name: '井盖缺损', metadata: false, group: '城市管理', description: '城市管理 / 市政设施 / 井盖缺损（Missing or broken manhole covers）' });
    expect(services.find((s) => s.service_code === INACTION)).toMatchObject({ service_name: '不作为' });
  });

  it('gives a service definition with its attributes in order, values only for lists', async () => {
    const def = (await both(`services/${LIGHTS}.{f}`, readServiceDefinitionXml, serviceDefinitionSchema)) as { service_code: string; attributes: Record<string, unknown>[] };
    expect(def.service_code).toBe(LIGHTS);
    expect(def.attributes.map((a) => [a.code, a.order, a.datatype, a.required, a.variable])).toEqual([
      ['pole', 1, 'string', true, true],
      ['state', 2, 'singlevaluelist', true, true],
      ['hazards', 3, 'multivaluelist', false, true],
      ['count', 4, 'number', false, true],
      ['note', 5, 'text', false, false],
    ]);
    expect(def.attributes[1]).toEqual({
      variable: true,
      code: 'state',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 2,
      description: '路灯状态',
      values: [
        { key: 'off', name: '不亮' },
        { key: 'flicker', name: '闪烁' },
      ],
    });
    expect(def.attributes[0]).not.toHaveProperty('values');
    const plain = (await both('services/020402.{f}', readServiceDefinitionXml, serviceDefinitionSchema)) as { attributes: unknown[] };
    expect(plain.attributes).toEqual([]);
  });

  it('answers an unknown service, format or resource with 404 in the requested format', async () => {
    expectErrors(await get('/open311/v2/services/999999.json'), 'json', 404, /service_code 999999 was not found/);
    expectErrors(await get('/open311/v2/services/999999.xml'), 'xml', 404, /service_code 999999/);
    expectErrors(await get('/open311/v2/services.csv'), 'xml', 404, /Unknown format/);
    expectErrors(await get('/open311/v2/services'), 'xml', 404, /No resource/);
    expectErrors(await get('/open311/v2/nothing.json'), 'json', 404, /No resource/);
  });

  it('accepts its own jurisdiction_id and refuses another with 404', async () => {
    expect((await get('/open311/v2/services.json?jurisdiction_id=3203')).statusCode).toBe(200);
    expect((await get('/open311/v2/services.json?jurisdiction_id=')).statusCode).toBe(200);
    expectErrors(await get('/open311/v2/services.xml?jurisdiction_id=sfgov.org'), 'xml', 404, /jurisdiction_id sfgov.org was not found/);
  });
});

describe('POST requests', () => {
  it('files a form-encoded request with attributes as an ordinary order on channel open311 (XML answer)', async () => {
    const answer = await postOk(t, 'xml', lightsForm());
    expect(answer).toEqual({ service_request_id: expect.stringMatching(/^20250930\d{6}$/), service_notice: '城管部门将在 3 个工作日内核查修复', account_id: 'acct-7' });
    expect(answer).not.toHaveProperty('token');
    const list = await t.app.inject({ url: `/api/v1/tickets?q=${answer.service_request_id}`, headers: await t.as('agent') });
    const order = list.json().items[0] as TicketJson;
    expect(order).toMatchObject({
      number: answer.service_request_id,
      channel: 'open311',
      status: 'registered',
      categoryCode: LIGHTS,
      caller: { name: '张三', phone: '13912345678' },
      address: '鼓楼区中山北路 88 号门前',
      location: { lat: 34.2658, lng: 117.1872 },
      open311: { clientName: '随手拍 App', serviceCode: LIGHTS, token: expect.any(String) },
    });
    // the unit reads the answers in the order's text
    expect(order.content).toContain('中山北路 88 号门前路灯连续三晚不亮');
    expect(order.content).toContain('灯杆编号：YL-0231');
    expect(order.content).toContain('路灯状态：不亮');
    expect(order.content).toContain('伴随隐患：电线裸露、灯杆倾斜');
    expect(order.content).toContain('图片/媒体：https://img.example.com/lights/88.jpg');
    // the timeline names the client app that filed it
    const full = (await fetchTicket(t, 'agent', order.id)).json() as TicketJson;
    expect(full.events![0]).toMatchObject({ type: 'created', actor: { name: '随手拍 App（Open311）' } });
    expect(full.externalRef).toBe((order.open311 as { token: string }).token);
  });

  it('files in JSON too, and a retry of the same body gets the same order instead of a second one', async () => {
    const form = withFields(lightsForm(), { 'attribute[pole]': 'YL-0999' });
    const first = await postOk(t, 'json', form);
    expect(first.service_request_id).toMatch(/^20250930\d{6}$/);
    t.clock.advance(3 * 60_000);
    const retry = await postOk(t, 'json', form);
    expect(retry.service_request_id).toBe(first.service_request_id);
    const found = await t.app.inject({ url: `/api/v1/tickets?q=YL-0999`, headers: await t.as('agent') });
    expect(found.json().total).toBe(1);
  });

  it('refuses a missing, unknown or revoked api_key with 403', async () => {
    const noKey = lightsForm().filter(([k]) => k !== 'api_key');
    expectErrors(await post(t, 'json', noKey), 'json', 403, /api_key was not provided/);
    expectErrors(await post(t, 'xml', [['api_key', 'o311_not-a-key'], ...noKey]), 'xml', 403, /Invalid api_key/);
    const revoked = await issueKey(t, 'Old app');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/open311/clients/${revoked.id}`, headers: await t.as('admin') });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().revokedAt).toBe(t.clock.now().toISOString());
    expectErrors(await post(t, 'json', [['api_key', revoked.apiKey], ...noKey]), 'json', 403, /revoked/);
  });

  it('answers an unknown service with 404 and a jurisdiction it does not serve with 404', async () => {
    expectErrors(await post(t, 'json', [['api_key', key], ['service_code', '990099'], ['address_string', '某处']]), 'json', 404, /service_code 990099 was not found/);
    expectErrors(await post(t, 'xml', [['jurisdiction_id', 'other.city'], ...lightsForm()]), 'xml', 404, /jurisdiction_id other.city was not found/);
  });

  it('reports every problem at once: no location, a required attribute missing, a value not in the list (400)', async () => {
    const form: [string, string][] = [
      ['api_key', key],
      ['service_code', LIGHTS],
      ['description', '路灯坏了'],
      ['attribute[state]', 'broken'],
    ];
    const errors = expectErrors(
      await post(t, 'json', form),
      'json',
      400,
      /a location is required: lat and long, or address_string, or address_id/,
      /attribute\[pole\] is required \(灯杆编号\)/,
      /attribute\[state\]: "broken" is not one of off, flicker/,
    );
    expect(errors).toHaveLength(3);
    const twoStates: [string, string][] = [...withFields(form, { address_id: 'A-1', 'attribute[pole]': 'P1', 'attribute[state]': 'off' }), ['attribute[state]', 'flicker']];
    expectErrors(await post(t, 'xml', twoStates), 'xml', 400, /attribute\[state\] takes one value/);
    expectErrors(await post(t, 'json', [...lightsForm(), ['description', '另一个描述']]), 'json', 400, /description was sent more than once/);
    expectErrors(await post(t, 'json', [['api_key', key], ['address_string', 'x']]), 'json', 400, /service_code was not provided/);
  });

  it('refuses bad coordinates and odd fields with 400, never 5xx', async () => {
    const base: [string, string][] = [['api_key', key], ['service_code', '020402'], ['description', '井盖缺失']];
    expectErrors(await post(t, 'json', [...base, ['lat', '34.2']]), 'json', 400, /lat and long must be sent together/);
    expectErrors(await post(t, 'json', [...base, ['lat', '134.2'], ['long', '117.1']]), 'json', 400, /lat must be a WGS84 latitude/);
    expectErrors(await post(t, 'xml', [...base, ['lat', 'north'], ['long', 'NaN']]), 'xml', 400, /lat must be/, /long must be/);
    expectErrors(await post(t, 'json', [...base, ['lat', '1e400'], ['long', '-Infinity']]), 'json', 400, /lat must be/);
    expectErrors(await post(t, 'json', [...base, ['address_string', 'x'], ['email', 'not-an-email'], ['media_url', 'javascript:alert(1)'], ['phone', 'call me']]), 'json', 400, /email/, /media_url/, /phone/);
    expectErrors(await post(t, 'json', withFields(base, { address_string: 'x', description: '长'.repeat(4001) })), 'json', 400, /description is longer than 4000/);
    const numberDef = withFields(lightsForm(), { 'attribute[count]': 'two' });
    expectErrors(await post(t, 'json', numberDef), 'json', 400, /attribute\[count\] must be a number/);
  });

  it('answers malformed and foreign bodies with 4xx in the requested format', async () => {
    const url = '/open311/v2/requests.json';
    const bodies: { headers: Record<string, string>; payload: string }[] = [
      { headers: { 'content-type': FORM }, payload: '%%%&&==&attribute[=1&attribute[]]=2&%E0%A4%A=x' },
      { headers: { 'content-type': FORM }, payload: '' },
      { headers: { 'content-type': 'text/plain' }, payload: 'api_key=x' },
      { headers: { 'content-type': 'application/json' }, payload: '{"api_key": ' },
      { headers: { 'content-type': 'application/json' }, payload: '[1,2]' },
      { headers: { 'content-type': 'application/xml' }, payload: '<a/>' },
      { headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--' },
      { headers: { 'content-type': FORM }, payload: `api_key=${key}&service_code=${'9'.repeat(100)}&lat=1&long=2` },
    ];
    for (const b of bodies) {
      const res = await t.app.inject({ method: 'POST', url, ...b });
      expect(res.statusCode, `${b.headers['content-type']} ${b.payload.slice(0, 30)}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectErrors(res, 'json', res.statusCode);
    }
    const huge = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': FORM }, payload: `description=${'x'.repeat(300_000)}` });
    expectErrors(huge, 'xml', 413);
  });

  it('accepts the fields as a JSON body as well (some clients send one)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: key, service_code: '020402', lat: 34.27, long: 117.19, description: '井盖缺失，JSON 客户端' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[0].service_request_id).toMatch(/^2025/);
  });
});

describe('batch mode and tokens', () => {
  it('queues requests and answers with a token that GET tokens resolves once the job registered the order', async () => {
    const admin = await t.as('admin');
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/open311/settings', headers: admin, payload: { mode: 'batch' } });
    expect(put.json()).toMatchObject({ mode: 'batch', jurisdictionId: '3203' });
    try {
      const services = (await get('/open311/v2/services.json')).json() as { type: string }[];
      expect(services.every((s) => s.type === 'batch')).toBe(true);
      const answer = await postOk(t, 'json', [['api_key', key], ['service_code', '020402'], ['address_string', '解放路 1 号'], ['description', '井盖缺失（批量模式）']]);
      expect(answer).not.toHaveProperty('service_request_id');
      const token = String(answer.token);
      const waiting = (await both(`tokens/${token}.{f}`, readTokenXml, tokenSchema)) as { service_request_id: string | null; token: string }[];
      expect(waiting).toEqual([{ service_request_id: null, token }]);

      const report = await t.modules.find((m) => m.name === 'open311')!.jobs!(t.ctx)[0]!.run();
      expect(report).toMatchObject({ registered: 1, failed: 0, waiting: 0 });
      const done = (await both(`tokens/${token}.{f}`, readTokenXml, tokenSchema)) as { service_request_id: string | null }[];
      expect(done[0]!.service_request_id).toMatch(/^20250930\d{6}$/);
      const request = (await both(`requests/${done[0]!.service_request_id}.{f}`, readRequestsXml, requestsSchema)) as Record<string, unknown>[];
      expect(request[0]).toMatchObject({ service_code: '020402', description: '井盖缺失（批量模式）', address: '解放路 1 号' });
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/v1/admin/open311/settings', headers: admin, payload: { mode: 'realtime' } });
    }
    expectErrors(await get('/open311/v2/tokens/no-such-token.xml'), 'xml', 404, /token no-such-token was not found/);
  });
});

describe('GET requests', () => {
  it('shows an order through its life: status, approved reply as status_notes, lead unit, reply deadline, dates with +08:00', async () => {
    const { service_request_id: number } = await postOk(t, 'json', withFields(lightsForm(), { description: '生命周期测试：中山南路路灯不亮' }));
    const orderOf = async () => (await t.app.inject({ url: `/api/v1/tickets?q=${number}`, headers: await t.as('agent') })).json().items[0] as TicketJson;
    const read = async () => ((await both(`requests/${number}.{f}`, readRequestsXml, requestsSchema)) as Record<string, unknown>[])[0]!;

    let r = await read();
    expect(r).toMatchObject({
      service_request_id: number,
      status: 'open',
      status_notes: null,
      service_name: '路灯不亮',
      service_code: LIGHTS,
      description: '生命周期测试：中山南路路灯不亮',
      agency_responsible: null,
      service_notice: '城管部门将在 3 个工作日内核查修复',
      requested_datetime: expect.stringMatching(/^2025-09-30T1\d:\d\d:\d\d\+08:00$/),
      expected_datetime: null,
      address: '鼓楼区中山北路 88 号门前',
      address_id: null,
      zipcode: null,
      lat: 34.2658,
      long: 117.1872,
      media_url: 'https://img.example.com/lights/88.jpg',
    });

    let order = await orderOf();
    order = await actOk(t, 'dispatcher', order, 'dispatch', { leadUnitId: STREET });
    r = await read();
    const replyBy = (order.deadlines as { replyBy: string }).replyBy;
    expect(r.expected_datetime).toMatch(/\+08:00$/);
    expect(new Date(String(r.expected_datetime)).getTime()).toBe(Math.floor(new Date(replyBy).getTime() / 1000) * 1000);
    expect(r.agency_responsible).toMatch(/街道/);
    expect(r.status).toBe('open');

    t.clock.advance(60 * 60_000);
    order = await actOk(t, 'handler', order, 'sign');
    order = await actOk(t, 'handler', order, 'reply', { reply: '已更换灯泡，路灯恢复照明。联系人李工 13800001111', resolved: true });
    expect((await read()).status_notes).toBeNull(); // not yet approved by the centre
    order = await actOk(t, 'dispatcher', order, 'approve_reply');
    r = await read();
    expect(r).toMatchObject({ status: 'open', status_notes: '已更换灯泡，路灯恢复照明。联系人李工 138****1111' });
    order = await actOk(t, 'dispatcher', order, 'callback', { satisfaction: 'satisfied' });
    r = await read();
    expect(r.status).toBe('closed');
    expect(r.updated_datetime).toBe(`${new Date(new Date(order.updatedAt as string).getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`);

    const closed = (await both(`requests.{f}?status=closed&service_code=${LIGHTS}`, readRequestsXml, requestsSchema)) as Record<string, unknown>[];
    expect(closed.map((x) => x.service_request_id)).toEqual([number]);
    const open = (await both(`requests.{f}?status=open&service_code=${LIGHTS}`, readRequestsXml, requestsSchema)) as Record<string, unknown>[];
    expect(open.map((x) => x.service_request_id)).not.toContain(number);
    const both2 = (await both(`requests.{f}?status=open,closed&service_code=${LIGHTS},020402`, readRequestsXml, requestsSchema)) as Record<string, unknown>[];
    expect(both2.map((x) => x.service_request_id)).toContain(number);
  });

  it('lists orders of every channel, newest first; service_request_id (comma list) overrides the other arguments', async () => {
    const agent = await t.as('agent');
    const phone = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: agent, payload: { channel: 'phone', content: '电话登记：井盖缺失', categoryCode: '020402', address: '淮海路' } });
    const uncategorised = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: agent, payload: { channel: 'phone', content: '尚未分类的来电' } });
    const all = (await both('requests.{f}', readRequestsXml, requestsSchema)) as Record<string, unknown>[];
    const numbers = all.map((r) => r.service_request_id);
    expect(numbers).toContain(phone.json().number);
    expect(numbers).not.toContain(uncategorised.json().number);
    const times = all.map((r) => new Date(String(r.requested_datetime)).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const picked = (await both(`requests.{f}?service_request_id=${numbers[0]},${phone.json().number}&start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00Z&status=closed`, readRequestsXml, requestsSchema)) as Record<string, unknown>[];
    expect(picked.map((r) => r.service_request_id).sort()).toEqual([...new Set([numbers[0], phone.json().number])].sort());
    expectErrors(await get('/open311/v2/requests/99999999999999.json'), 'json', 404, /service_request_id 99999999999999 was not found/);
    expectErrors(await get('/open311/v2/requests/abc.xml'), 'xml', 404, /was not found/);
  });

  it('defaults to the last 90 days; start_date/end_date select (W3C with offset, Z, a date, or a + sent as a space)', async () => {
    const agent = await t.as('agent');
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: agent, payload: { channel: 'phone', content: '三个多月前的来电：井盖缺失', categoryCode: '020402', receivedAt: '2025-06-30T01:00:00.000Z' } });
    const edge = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: agent, payload: { channel: 'phone', content: '89 天前的来电：井盖缺失', categoryCode: '020402', receivedAt: '2025-07-03T01:00:00.000Z' } });
    const numbersOf = async (query: string) => ((await both(`requests.{f}${query}`, readRequestsXml, requestsSchema)) as Record<string, unknown>[]).map((r) => r.service_request_id);
    const recent = await numbersOf('');
    expect(recent).toContain(edge.json().number);
    expect(recent).not.toContain(old.json().number);
    expect(await numbersOf('?start_date=2025-06-30T00:00:00Z&end_date=2025-07-01T00:00:00Z')).toEqual([old.json().number]);
    expect(await numbersOf('?start_date=2025-06-30T08:00:00%2B08:00&end_date=2025-06-30T10:00:00+08:00')).toEqual([old.json().number]);
    expect(await numbersOf('?start_date=2025-06-30&end_date=2025-07-01')).toEqual([old.json().number]);
    // one date: 90 days from it (or up to it)
    expect(await numbersOf('?start_date=2025-06-29T00:00:00Z')).toEqual(expect.arrayContaining([old.json().number, edge.json().number]));
    expect(await numbersOf('?end_date=2025-07-01T00:00:00Z')).toEqual([old.json().number]);
  });

  it('refuses bad dates, a span over 90 days and unknown statuses with 400', async () => {
    expectErrors(await get('/open311/v2/requests.json?start_date=yesterday'), 'json', 400, /start_date must be a W3C date-time/);
    expectErrors(await get('/open311/v2/requests.xml?end_date=2025-02-30T00:00:00Z'), 'xml', 400, /end_date must be/);
    expectErrors(await get('/open311/v2/requests.json?start_date=2025-13-01'), 'json', 400, /start_date/);
    expectErrors(await get('/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z'), 'json', 400, /may not span more than 90 days/);
    expectErrors(await get('/open311/v2/requests.json?start_date=2025-06-01T00:00:00Z&end_date=2025-05-01T00:00:00Z'), 'json', 400, /start_date is after end_date/);
    expectErrors(await get('/open311/v2/requests.xml?status=opened'), 'xml', 400, /status must be open or closed/);
    expectErrors(await get('/open311/v2/requests.json?start_date=x&status=y'), 'json', 400, /start_date/, /status/);
  });
});

describe('privacy', () => {
  it('shows no caller name, phone, e-mail or ID number, masking them in every text', async () => {
    const agent = await t.as('agent');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: agent,
      payload: {
        channel: 'phone',
        categoryCode: '020402',
        caller: { name: '王小明', phone: '0516-83801234' },
        address: '王小明家楼下，电话 13700001234',
        content: '王小明反映：井盖缺失。身份证 320302199001011234，手机 13700001234，座机 0516-83801234，邮箱 wxm@example.com。',
      },
    });
    const number = res.json().number as string;
    const json = await get(`/open311/v2/requests/${number}.json`);
    const xml = await get(`/open311/v2/requests/${number}.xml`);
    for (const body of [json.body, xml.body]) {
      for (const secret of ['王小明', '13700001234', '83801234', '199001011234', 'wxm@example.com']) expect(body).not.toContain(secret);
    }
    const [r] = json.json();
    expect(r.description).toBe('王**反映：井盖缺失。身份证 320302********1234，手机 137****1234，座机 0516-****34，邮箱 w***@example.com。');
    expect(r.address).toBe('王**家楼下，电话 137****1234');
    expect(readRequestsXml(xml.body)).toEqual(json.json());
    // Open311 submissions: the client's caller fields are never in an answer either
    const all = await get('/open311/v2/requests.json?service_code=020401');
    for (const secret of ['zhang.san@example.com', '13912345678', 'device-42', 'acct-7']) expect(all.body).not.toContain(secret);
  });

  it('never lists an order of a private category (不作为投诉), not even by its number', async () => {
    const answer = await postOk(t, 'json', [['api_key', key], ['service_code', INACTION], ['address_string', '某局窗口'], ['description', '窗口工作人员推诿不办']]);
    const number = String(answer.service_request_id);
    const agent = await t.as('agent');
    const phone = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: agent, payload: { channel: 'phone', content: '投诉某部门慢作为', categoryCode: '150202' } });
    for (const n of [number, phone.json().number as string]) {
      expectErrors(await get(`/open311/v2/requests/${n}.xml`), 'xml', 404, /was not found/);
      expect((await get(`/open311/v2/requests.json?service_request_id=${n}`)).json()).toEqual([]);
    }
    const listed = (await get('/open311/v2/requests.json')).json() as { service_code: string }[];
    expect(listed.some((r) => r.service_code.startsWith('1502'))).toBe(false);
    // the order itself is an ordinary order for the centre
    const order = (await t.app.inject({ url: `/api/v1/tickets?q=${number}`, headers: agent })).json().items[0];
    expect(order).toMatchObject({ channel: 'open311', categoryCode: INACTION });
  });

  it('an order closed as invalid is not listed', async () => {
    const agent = await t.as('agent');
    const made = (await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: agent, payload: { channel: 'phone', content: '骚扰电话测试', categoryCode: '020402' } })).json() as TicketJson;
    await actOk(t, 'dispatcher', made, 'invalidate', { reason: '骚扰电话' });
    expect((await get(`/open311/v2/requests.json?service_request_id=${made.number}`)).json()).toEqual([]);
  });
});

describe('admin: client keys and service definitions', () => {
  it('shows a key once, lists clients without keys, and lets only an admin manage them', async () => {
    const admin = await t.as('admin');
    const created = await issueKey(t, 'FixMyStreet 徐州');
    expect(created.apiKey).toMatch(/^o311_[A-Za-z0-9_-]{40,}$/);
    const list = await t.app.inject({ url: '/api/v1/admin/open311/clients', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.apiKey);
    const item = list.json().items.find((c: { id: string }) => c.id === created.id);
    expect(item).toMatchObject({ name: 'FixMyStreet 徐州', keyPrefix: created.apiKey.slice(0, 9), revokedAt: null, requests: 0 });
    const main = list.json().items.find((c: { name: string }) => c.name === '随手拍 App');
    expect(main.requests).toBeGreaterThan(3);
    expect(main.lastUsedAt).not.toBeNull();
    for (const who of ['agent', 'dispatcher', 'supervisor']) {
      const h = await t.as(who);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311/clients', headers: h, payload: { name: 'x' } })).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/api/v1/admin/open311/clients', headers: h })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/open311/clients/${created.id}`, headers: h })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/admin/open311/clients' })).statusCode).toBe(401);
    const missing = await t.app.inject({ method: 'DELETE', url: '/api/v1/admin/open311/clients/nope', headers: admin });
    expect(missing.json()).toMatchObject({ code: 'OPEN311.CLIENT_NOT_FOUND' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311/clients', headers: admin, payload: { name: '  ' } })).json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'name' });
  });

  it('validates service definitions, keeps versions and refuses a stale edit', async () => {
    const admin = await t.as('admin');
    const put = (code: string, body: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: `/api/v1/admin/open311/services/${code}`, headers: admin, payload: body });
    const base = { description: null, keywords: null, serviceNotice: null, private: false, attributes: [], expectedVersion: 0 };
    const attr = { code: 'a', variable: true, datatype: 'string', required: false, datatypeDescription: null, order: 1, description: '问题', values: [] };
    expect((await put('020402', { ...base, attributes: [attr, { ...attr, order: 2 }] })).json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'attributes.1.code' });
    expect((await put('020402', { ...base, attributes: [{ ...attr, datatype: 'singlevaluelist' }] })).json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'attributes.0.values' });
    expect((await put('020402', { ...base, attributes: [{ ...attr, datatype: 'colour' }] })).statusCode).toBe(400);
    expect((await put('0204', base)).json()).toMatchObject({ code: 'OPEN311.SERVICE_NOT_FOUND' });
    const saved = await put('020402', { ...base, private: true, keywords: '井盖' });
    expect(saved.json()).toMatchObject({ code: '020402', version: 1, private: true, keywords: '井盖', description: '城市管理 / 市政设施 / 井盖缺损（Missing or broken manhole covers）' });
    const stale = await put('020402', { ...base, private: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'OPEN311.VERSION_CONFLICT', field: 'expectedVersion' });
    const back = await put('020402', { ...base, private: false, expectedVersion: 1 });
    expect(back.json()).toMatchObject({ version: 2, private: false, keywords: '市政设施, Missing or broken manhole covers' });
    const services = await t.app.inject({ url: '/api/v1/admin/open311/services', headers: admin });
    expect(services.json().items).toHaveLength(181);
    expect(services.json().items.find((s: { code: string }) => s.code === INACTION)).toMatchObject({ private: true, version: 0, group: '政务服务', path: ['政务服务', '不作为投诉', '不作为'] });
    const audit = await t.app.inject({ url: '/api/v1/audit?entityType=open311_service&entityId=020402', headers: admin });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['open311.service.update', 'open311.service.update']);
    expect(audit.json().items[0].toState).toMatchObject({ private: true, version: 1 });
  });
});
