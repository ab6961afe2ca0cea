// Compatibility with an existing Open311 client: FixMyStreet's GeoReport v2 client (mySociety's perllib/Open311.pm,
// with Open311::PopulateServiceList and Open311::GetServiceRequests), the most used Open311 client. This file
// re-states, in TypeScript, what that client does on the wire, as its code documents it (no code of it is copied):
//   - the endpoint is a base URL ending in "/"; resources are "services.xml", "services/<code>.xml", "requests.xml",
//     "tokens/<token>.xml"; every call adds jurisdiction_id; POST adds api_key;
//   - GET parameters go in the query and POST parameters in an application/x-www-form-urlencoded body, both
//     encoded as Perl's URI->query_form does (UTF-8, RFC 3986 unreserved characters kept, spaces as "+");
//   - a report is sent as description (title, detail and the report's URL), service_code, first_name/last_name
//     (the name split at the first space), phone, email, lat/long (truncated to 6 decimals), media_url, and
//     attribute[<name>] for each extra field;
//   - answers are read with XML::Simple (ForceArray on service, attribute, value, request, error; GroupTags
//     collapsing attributes/values; KeyAttr off; empty elements read as undef), the root element dropped;
//   - the new report's id is $obj->{request}[0]{service_request_id} unless it is empty, otherwise the token is
//     resolved with tokens/<token>.xml; errors are printed as "<code>: <description>" from $obj->{error};
//   - fetching reports asks requests.xml with start_date/end_date in W3CDTF (UTC, "Z") for the last hour, and
//     needs service_request_id, lat, long and a W3CDTF updated_datetime within the range on each request;
//   - statuses are mapped: open → confirmed, closed → fixed - council.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';
import { issueKey } from '../support/open311';

let t: TestApp;

const FORCE_ARRAY = ['service', 'attribute', 'value', 'request', 'error', 'request_update'];
const GROUP_TAGS: Record<string, string> = { services: 'service', attributes: 'attribute', values: 'value', service_requests: 'request', errors: 'error', service_request_updates: 'request_update' };
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => FORCE_ARRAY.includes(name), ignoreDeclaration: true });

type Xs = Record<string, unknown>;

/** XML::Simple's reading as the client configures it: the root's content, empty elements undef, grouped lists collapsed. */
function xmlSimple(xml: string): Xs | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const [root] = Object.values(doc);
  const fix = (v: unknown): unknown => {
    if (v === '') return undefined; // SuppressEmpty => undef
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === 'object') {
      const out: Xs = {};
      for (const [k, c] of Object.entries(v as Xs)) {
        const inner = GROUP_TAGS[k];
        out[k] = inner && c && typeof c === 'object' && !Array.isArray(c) && inner in (c as Xs) ? fix((c as Xs)[inner]) : fix(c);
      }
      return out;
    }
    return v;
  };
  return fix(root) as Xs | undefined;
}

/** Perl URI->query_form: UTF-8 bytes, unreserved characters kept, everything else %XX, spaces as '+'. */
const escape = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
const queryForm = (params: Record<string, string | string[] | undefined>) =>
  Object.entries(params)
    .flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => `${escape(k)}=${escape(x)}`)))
    .join('&');

const W3CDTF = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/;
const parseW3cdtf = (s: unknown): Date => {
  if (typeof s !== 'string' || !W3CDTF.test(s)) throw new Error(`Invalid W3CDTF datetime string (${String(s)})`);
  return new Date(s);
};
const formatW3cdtfUtc = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

interface Problem {
  id: number;
  title: string;
  detail: string;
  name: string;
  email: string;
  phone?: string;
  latitude: number;
  longitude: number;
  extra: { name: string; value: string }[];
}

/** The client, over the test server (inject instead of LWP). */
class FixMyStreetOpen311 {
  error = '';
  requests: { method: string; url: string; body?: string; contentType?: string }[] = [];
  constructor(private readonly cfg: { endpoint: string; jurisdiction: string; apiKey: string }) {}

  private async request(method: 'GET' | 'POST', path: string, params: Record<string, string | string[] | undefined> = {}): Promise<string | undefined> {
    const uri = new URL(this.cfg.endpoint);
    uri.pathname = uri.pathname + path;
    const all = { ...params, jurisdiction_id: this.cfg.jurisdiction, ...(method === 'POST' ? { api_key: this.cfg.apiKey } : {}) };
    const call =
      method === 'GET'
        ? { method, url: `${uri.pathname}?${queryForm(all)}` }
        : { method, url: uri.pathname, body: queryForm(all), contentType: 'application/x-www-form-urlencoded' };
    this.requests.push(call);
    const res = await t.app.inject({ method: call.method, url: call.url, ...(call.body !== undefined ? { payload: call.body, headers: { 'content-type': call.contentType! } } : {}) });
    if (res.statusCode >= 200 && res.statusCode < 300) return res.body;
    this.error = `request failed: ${res.statusCode}\nerror: ${this.processError(res.body)}`;
    return undefined;
  }

  private processError(body: string): string {
    const obj = xmlSimple(body);
    let msg = '';
    if (obj && Array.isArray(obj.error)) for (const e of obj.error as Xs[]) msg += `${String(e.code ?? '???')}: ${String(e.description ?? 'unknown error')}\n`;
    return msg || 'unknown error';
  }

  async getServiceList() {
    const xml = await this.request('GET', 'services.xml');
    return xml ? xmlSimple(xml) : undefined;
  }
  async getServiceMetaInfo(code: string) {
    return xmlSimple((await this.request('GET', `services/${code}.xml`)) ?? '');
  }

  static splitName(name: string): [string, string] {
    const m = /(\w+)(?:\.?\s+(.+))?/u.exec(name);
    return [m?.[1] ?? '', m?.[2] ?? ''];
  }

  async sendServiceRequest(problem: Problem, extra: { url: string; imageUrl?: string }, serviceCode: string): Promise<string | 0> {
    const [first, last] = FixMyStreetOpen311.splitName(problem.name);
    const params: Record<string, string | undefined> = {
      description: `${problem.title}\n\n${problem.detail}\n\n${extra.url}\n`,
      service_code: serviceCode,
      first_name: first,
      last_name: last,
      phone: problem.phone,
      email: problem.email,
      lat: problem.latitude.toFixed(6).replace(/\.?0+$/, ''),
      long: problem.longitude.toFixed(6).replace(/\.?0+$/, ''),
      media_url: extra.imageUrl,
    };
    for (const attr of problem.extra) params[`attribute[${attr.name.replace(/^fms_extra_/, '')}]`] = attr.value;
    const response = await this.request('POST', 'requests.xml', params);
    if (response) {
      const obj = xmlSimple(response);
      const request = (obj?.request as Xs[] | undefined)?.[0];
      if (typeof request?.service_request_id === 'string') return request.service_request_id;
      if (typeof request?.token === 'string') return this.getServiceRequestIdFromToken(request.token);
    }
    return 0;
  }

  async getServiceRequestIdFromToken(token: string): Promise<string | 0> {
    const obj = xmlSimple((await this.request('GET', `tokens/${token}.xml`)) ?? '');
    const id = (obj?.request as Xs[] | undefined)?.[0]?.service_request_id;
    return typeof id === 'string' && id ? id : 0;
  }

  async getServiceRequests(args: { reportIds?: string[]; startDate?: string; endDate?: string }) {
    const params: Record<string, string | undefined> = { start_date: args.startDate, end_date: args.endDate };
    if (args.reportIds) params.service_request_id = args.reportIds.join(',');
    return xmlSimple((await this.request('GET', 'requests.xml', params)) ?? '');
  }

  static mapState(incoming: string): string {
    const state = incoming.toLowerCase().replace(/_/g, ' ');
    const map: Record<string, string> = { fixed: 'fixed - council', 'not councils responsibility': 'not responsible', 'no further action': 'unable to fix', open: 'confirmed', closed: 'fixed - council' };
    return map[state] ?? state;
  }
}

let fms: FixMyStreetOpen311;
const LIGHTS = '020401';

beforeAll(async () => {
  t = await createTestApp();
  const { apiKey } = await issueKey(t, 'FixMyStreet');
  const admin = await t.as('admin');
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/admin/open311/services/${LIGHTS}`,
    headers: admin,
    payload: {
      description: null,
      keywords: null,
      serviceNotice: null,
      private: false,
      expectedVersion: 0,
      attributes: [
        { code: 'state', variable: true, datatype: 'singlevaluelist', required: true, datatypeDescription: null, order: 2, description: '路灯状态：', values: [{ key: 'off', name: '不亮' }, { key: 'flicker', name: '闪烁' }] },
        { code: 'pole', variable: true, datatype: 'string', required: true, datatypeDescription: '灯杆编号', order: 1, description: '灯杆编号', values: [] },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  fms = new FixMyStreetOpen311({ endpoint: 'http://localhost/open311/v2/', jurisdiction: '3203', apiKey });
});
afterAll(async () => t?.close());

const problem = (over: Partial<Problem> = {}): Problem => ({
  id: 1001,
  title: '路灯不亮',
  detail: '中山北路 88 号门前路灯不亮 (Street light out)',
  name: 'Zhang San',
  email: 'zhang.san@example.com',
  phone: '13912345678',
  latitude: 34.26581234567,
  longitude: 117.18723456789,
  extra: [
    { name: 'fms_extra_pole', value: 'YL-0231' },
    { name: 'state', value: 'off' },
  ],
  ...over,
});

describe('FixMyStreet Open311 client against this server', () => {
  it('populates its categories: the service list, and the meta info of a service with metadata', async () => {
    const list = await fms.getServiceList();
    const services = list?.service as Xs[];
    expect(Array.isArray(services)).toBe(true);
    expect(services).toHaveLength(181);
    for (const s of services) {
      expect(typeof s.service_code).toBe('string');
      expect(String(s.service_name)).toBe(String(s.service_name).replace(/\s+$/, ''));
      expect(['true', 'false']).toContain(String(s.metadata).toLowerCase());
    }
    const lights = services.find((s) => s.service_code === LIGHTS)!;
    expect(lights).toMatchObject({ service_name: '路灯不亮', metadata: 'true', group: '城市管理', type: 'realtime' });

    const meta = await fms.getServiceMetaInfo(LIGHTS);
    expect(Array.isArray(meta?.attributes)).toBe(true);
    // what PopulateServiceList keeps: sorted by the numeric order, trailing colon taken off the description
    const attributes = (meta!.attributes as Xs[]).sort((a, b) => Number(a.order) - Number(b.order)).map((a): Xs => ({ ...a, description: String(a.description).replace(/[:：]\s*/, '') }));
    expect(attributes.map((a) => [a.code, a.order, a.required, a.datatype])).toEqual([
      ['pole', '1', 'true', 'string'],
      ['state', '2', 'true', 'singlevaluelist'],
    ]);
    expect(attributes[1]!.values).toEqual([{ key: 'off', name: '不亮' }, { key: 'flicker', name: '闪烁' }]);
    expect(attributes[1]!.description).toBe('路灯状态');
    // a service without attributes: empty metadata, as the client expects (no attributes array)
    expect((await fms.getServiceMetaInfo('020402'))?.attributes).toBeUndefined();
    expect(fms.requests[0]).toEqual({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=3203' });
  });

  it('sends a report form-encoded and gets the order number back', async () => {
    const id = await fms.sendServiceRequest(problem(), { url: 'https://fixmystreet.example/report/1001', imageUrl: 'https://fixmystreet.example/photo/1001.jpeg' }, LIGHTS);
    expect(id).toMatch(/^20250930\d{6}$/);
    const sent = fms.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', url: '/open311/v2/requests.xml', contentType: 'application/x-www-form-urlencoded' });
    expect(sent.body).toContain('attribute%5Bpole%5D=YL-0231');
    expect(sent.body).toContain('first_name=Zhang&last_name=San');
    expect(sent.body).toContain('lat=34.265812&long=117.187235');
    const order = (await t.app.inject({ url: `/api/v1/tickets?q=${id}`, headers: await t.as('agent') })).json().items[0];
    expect(order).toMatchObject({ channel: 'open311', caller: { name: 'Zhang San', phone: '13912345678' }, location: { lat: 34.265812, lng: 117.187235 } });
    expect(order.content).toContain('https://fixmystreet.example/report/1001');
    expect(order.content).toContain('灯杆编号：YL-0231');
  });

  it('a report missing a required attribute fails with the errors printed as "code: description"', async () => {
    const id = await fms.sendServiceRequest(problem({ extra: [{ name: 'state', value: 'off' }] }), { url: 'https://fixmystreet.example/report/1002' }, LIGHTS);
    expect(id).toBe(0);
    expect(fms.error).toContain('request failed: 400');
    expect(fms.error).toContain('400: attribute[pole] is required (灯杆编号)');
    const bad = new FixMyStreetOpen311({ endpoint: 'http://localhost/open311/v2/', jurisdiction: '3203', apiKey: 'wrong' });
    expect(await bad.sendServiceRequest(problem(), { url: 'u' }, LIGHTS)).toBe(0);
    expect(bad.error).toBe('request failed: 403\nerror: 403: Invalid api_key\n');
  });

  it('in batch mode it follows the token, and its later retry of the same report gets the number', async () => {
    const admin = await t.as('admin');
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/open311/settings', headers: admin, payload: { mode: 'batch' } });
    try {
      const report = problem({ id: 1003, detail: '批量模式下的路灯报告' });
      expect(await fms.sendServiceRequest(report, { url: 'https://fixmystreet.example/report/1003' }, LIGHTS)).toBe(0); // queued: tokens/ has no id yet
      expect(fms.requests.at(-1)!.url).toMatch(/^\/open311\/v2\/tokens\/[A-Za-z0-9_-]+\.xml\?jurisdiction_id=3203$/);
      await t.modules.find((m) => m.name === 'open311')!.jobs!(t.ctx)[0]!.run();
      t.clock.advance(5 * 60_000); // the client's next send run
      expect(await fms.sendServiceRequest(report, { url: 'https://fixmystreet.example/report/1003' }, LIGHTS)).toMatch(/^20250930\d{6}$/);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/v1/admin/open311/settings', headers: admin, payload: { mode: 'realtime' } });
    }
  });

  it('fetches the last hour of requests and reads each as Open311::GetServiceRequests does', async () => {
    const now = t.clock.now();
    const start = formatW3cdtfUtc(new Date(now.getTime() - 3 * 3600_000));
    const end = formatW3cdtfUtc(now);
    const requests = (await fms.getServiceRequests({ startDate: start, endDate: end }))?.request as Xs[];
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const r of requests) {
      expect(r.service_request_id && r.lat && r.long).toBeTruthy();
      const updated = parseW3cdtf(r.updated_datetime);
      expect(parseW3cdtf(r.requested_datetime).getTime()).toBeLessThanOrEqual(updated.getTime());
      const utc = formatW3cdtfUtc(updated);
      expect(utc >= start && utc <= end).toBe(true);
      expect(FixMyStreetOpen311.mapState(String(r.status))).toBe('confirmed');
      expect(r.service_code).toBe(LIGHTS);
      expect(String(r.description)).not.toContain('13912345678');
    }
    const ids = requests.map((r) => String(r.service_request_id));
    const picked = (await fms.getServiceRequests({ reportIds: ids.slice(0, 2) }))?.request as Xs[];
    expect(picked.map((r) => r.service_request_id).sort()).toEqual(ids.slice(0, 2).sort());
    expect(fms.requests.at(-1)!.url).toBe(`/open311/v2/requests.xml?service_request_id=${ids.slice(0, 2).join('%2C')}&jurisdiction_id=3203`);
    // nothing in an empty range: the list is absent, as XML::Simple reads an empty <service_requests/>
    expect((await fms.getServiceRequests({ startDate: '2020-01-01T00:00:00Z', endDate: '2020-01-02T00:00:00Z' }))?.request).toBeUndefined();
  });
});
