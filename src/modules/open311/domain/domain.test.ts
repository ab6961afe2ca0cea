import { describe, expect, it } from 'vitest';
import { parseW3c, w3c } from './datetime';
import { splitFormat, formatOfUrl } from './format';
import { maskName, publicText } from './public-text';
import { readRequestsQuery } from './query';
import { requestRecord, statusNotes } from './request-record';
import { definitionProblems, servicesOf, type Attribute } from './service';
import { STATUS_MAP } from './status';
import { callerName, checkAnswers, orderContent, readSubmission } from './submission';

const NOW = new Date('2025-09-30T02:00:00.000Z');

describe('dates', () => {
  it.each([
    ['2025-09-30T10:00:00+08:00', '2025-09-30T02:00:00.000Z'],
    ['2025-09-30T02:00:00Z', '2025-09-30T02:00:00.000Z'],
    ['2025-09-30T02:00Z', '2025-09-30T02:00:00.000Z'],
    ['2025-09-30T02:00:00.123456Z', '2025-09-30T02:00:00.123Z'],
    ['2025-09-30T10:00:00 08:00', '2025-09-30T02:00:00.000Z'],
    ['2025-09-30', '2025-09-29T16:00:00.000Z'],
    ['1994-11-05T08:15:30-05:00', '1994-11-05T13:15:30.000Z'],
  ])('reads %s', (text, iso) => expect(parseW3c(text)?.toISOString()).toBe(iso));

  it.each(['yesterday', '2025-02-30', '2025-13-01', '2025-09-30T25:00:00Z', '2025-09-30T10:00:00', '20250930', ''])('refuses %s', (text) => expect(parseW3c(text)).toBeNull());

  it('writes the city time with its offset, whole seconds', () => {
    expect(w3c('2025-09-30T17:30:05.999Z')).toBe('2025-10-01T01:30:05+08:00');
  });
});

describe('formats', () => {
  it('takes the suffix after the last dot', () => {
    expect(splitFormat('010101.json')).toEqual({ name: '010101', format: 'json' });
    expect(splitFormat('a.b.XML')).toEqual({ name: 'a.b', format: 'xml' });
    expect(splitFormat('010101')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
    expect(formatOfUrl('/open311/v2/requests.json?x=1.xml')).toBe('json');
    expect(formatOfUrl('/open311/v2/requests')).toBe('xml');
  });
});

describe('submissions', () => {
  it('treats blank fields as not sent and collects attribute answers, lists included', () => {
    const { submission, problems } = readSubmission({
      service_code: ' 020401 ',
      lat: '34.1',
      long: '-117',
      email: '',
      'attribute[a]': 'x',
      'attribute[b][]': ['1', '2'],
      'attribute[]': 'ignored',
      media_url: ['https://a.example/1.jpg', 'https://a.example/2.jpg'],
    });
    expect(problems).toEqual([]);
    expect(submission).toMatchObject({ serviceCode: '020401', lat: 34.1, long: -117, email: null, attributes: { a: ['x'], b: ['1', '2'] }, mediaUrls: ['https://a.example/1.jpg', 'https://a.example/2.jpg'] });
  });

  it('reports every problem of the fields', () => {
    expect(readSubmission({ lat: '91', long: '181', email: 'x', phone: 'abc', media_url: 'ftp://x' }).problems).toEqual([
      'service_code was not provided',
      'lat must be a WGS84 latitude from -90 to 90, got "91"',
      'long must be a WGS84 longitude from -180 to 180, got "181"',
      'email is not an e-mail address',
      'phone may hold only digits, spaces, brackets, hyphens and a leading +',
      'media_url must be an http(s) URL, got "ftp://x"',
    ]);
  });

  const attr = (a: Partial<Attribute>): Attribute => ({ code: 'c', variable: true, datatype: 'string', required: false, datatypeDescription: null, order: 1, description: '问题', values: [], ...a });

  it('checks answers against the definition and shows list values by name', () => {
    const defs = [
      attr({ code: 'kind', datatype: 'multivaluelist', values: [{ key: 'a', name: '甲' }, { key: 'b', name: '乙' }], order: 2 }),
      attr({ code: 'when', datatype: 'datetime', order: 3 }),
      attr({ code: 'n', datatype: 'number', required: true, order: 1 }),
      attr({ code: 'info', variable: false, order: 4 }),
    ];
    expect(checkAnswers(defs, { kind: ['b', 'a'], when: ['2025-09-30T10:00:00+08:00'], n: ['-1.5e3'], info: ['ignored'], other: ['x'] })).toEqual({
      answers: [
        { code: 'n', description: '问题', values: ['-1.5e3'], shown: ['-1.5e3'] },
        { code: 'kind', description: '问题', values: ['b', 'a'], shown: ['乙', '甲'] },
        { code: 'when', description: '问题', values: ['2025-09-30T10:00:00+08:00'], shown: ['2025-09-30T10:00:00+08:00'] },
      ],
      problems: [],
    });
    expect(checkAnswers(defs, { kind: ['c'], when: ['soon'] }).problems).toEqual([
      'attribute[n] is required (问题)',
      'attribute[kind]: "c" is not one of a, b',
      'attribute[when] must be an ISO 8601 date-time, e.g. 2025-09-30T10:00:00+08:00',
    ]);
  });

  it('writes the order text and the caller name', () => {
    const { submission } = readSubmission({ service_code: 's', address_id: 'A-9', media_url: 'https://m.example/x.jpg' });
    expect(orderContent({ name: '井盖缺损' }, submission, [{ code: 'c', description: '位置：', values: ['x'], shown: ['路中间'] }])).toBe(
      '井盖缺损（经 Open311 提交，无描述）\n\n【Open311 补充信息】\n位置：路中间\n图片/媒体：https://m.example/x.jpg\n地址编号：A-9',
    );
    expect(callerName({ firstName: '三', lastName: '张' })).toBe('张三');
    expect(callerName({ firstName: 'John', lastName: 'Smith' })).toBe('John Smith');
    expect(callerName({ firstName: null, lastName: null })).toBeNull();
  });
});

describe('GET requests arguments', () => {
  it('defaults to the last 90 days and follows one given date for 90 days', () => {
    expect(readRequestsQuery({}, NOW).query).toMatchObject({ from: '2025-07-02T02:00:00.000Z', to: '2025-09-30T02:00:00.000Z', numbers: null, statuses: null });
    expect(readRequestsQuery({ start_date: '2025-01-01T00:00:00Z' }, NOW).query).toMatchObject({ from: '2025-01-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' });
    expect(readRequestsQuery({ end_date: '2025-04-01T00:00:00Z' }, NOW).query).toMatchObject({ from: '2025-01-01T00:00:00.000Z' });
    expect(readRequestsQuery({ service_request_id: '1, 2,,1', service_code: 'a,b', status: 'OPEN' }, NOW).query).toMatchObject({ numbers: ['1', '2'], serviceCodes: ['a', 'b'], statuses: ['open'] });
  });
  it('refuses a span over 90 days', () => {
    expect(readRequestsQuery({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-02T00:00:00Z' }, NOW).problems).toEqual(['start_date to end_date may not span more than 90 days']);
    expect(readRequestsQuery({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-01T00:00:00Z' }, NOW).problems).toEqual([]);
  });
});

describe('public texts', () => {
  it('masks IDs, mobiles, landlines, e-mail addresses and the caller’s name and phone', () => {
    expect(publicText('李四 称 13812345678 / 025-84561234 / li.si@mail.cn / 320302199001011234', { name: '李四', phone: '02584561234' })).toBe(
      '李* 称 138****5678 / 025-****34 / l***@mail.cn / 320302********1234',
    );
    expect(publicText('来电人号码 6654321', { name: null, phone: '6654321' })).toBe('来电人号码 *****21');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});

describe('statuses and records', () => {
  it('maps only closed to closed', () => {
    expect(Object.entries(STATUS_MAP).filter(([, v]) => v === 'closed').map(([k]) => k)).toEqual(['closed']);
  });
  it('shows the approved reply, the direct answer or a merge note', () => {
    const reply = { text: '已修复', resolved: true, at: 'x', by: 'u', unitId: null, attachmentIds: [] };
    expect(statusNotes({ status: 'replied', closure: null, answer: null, reply })).toBeNull();
    expect(statusNotes({ status: 'awaiting_callback', closure: null, answer: null, reply })).toBe('已修复');
    expect(statusNotes({ status: 'closed', closure: 'direct_answer', answer: '请拨打 96123', reply: null })).toBe('请拨打 96123');
    expect(statusNotes({ status: 'closed', closure: 'merged', answer: null, reply: null })).toMatch(/合并/);
  });
  it('uses the client’s own description for Open311 orders', () => {
    const order = {
      number: '1', status: 'registered' as const, content: '全文（含补充信息）', caller: null, address: null, location: null, categoryCode: 'c',
      receivedAt: '2025-09-30T02:00:00.000Z', updatedAt: '2025-09-30T02:00:00.000Z', leadUnitId: null, closure: null, answer: null, reply: null,
    };
    const refs = { serviceName: 'n', serviceNotice: null, agency: null, replyBy: null };
    expect(requestRecord(order, { ...refs, extras: null }).description).toBe('全文（含补充信息）');
    expect(requestRecord(order, { ...refs, extras: { description: '原文', addressId: 'A', mediaUrl: null } })).toMatchObject({ description: '原文', address_id: 'A', requested_datetime: '2025-09-30T10:00:00+08:00' });
  });
});

describe('services', () => {
  const cats = [
    { code: '01', name: '城市管理', nameEn: 'City', level: 1 as const, parentCode: null },
    { code: '0101', name: '市政设施', nameEn: 'Facilities', level: 2 as const, parentCode: '01' },
    { code: '010101', name: '路灯不亮', nameEn: 'Lights out', level: 3 as const, parentCode: '0101' },
    { code: '02', name: '政务服务', nameEn: 'Gov', level: 1 as const, parentCode: null },
    { code: '0201', name: '不作为投诉', nameEn: 'Inaction', level: 2 as const, parentCode: '02' },
    { code: '020101', name: '不作为', nameEn: 'Inaction', level: 3 as const, parentCode: '0201' },
  ];
  it('offers the leaves with defaults; inaction complaints are private by default', () => {
    expect(servicesOf(cats, new Map())).toEqual([
      expect.objectContaining({ code: '010101', group: '城市管理', description: '城市管理 / 市政设施 / 路灯不亮（Lights out）', keywords: '市政设施, Lights out', private: false, version: 0 }),
      expect.objectContaining({ code: '020101', group: '政务服务', private: true }),
    ]);
  });
  it('finds the problems of a definition', () => {
    const a: Attribute = { code: 'ok', variable: true, datatype: 'string', required: false, datatypeDescription: null, order: 1, description: 'd', values: [] };
    expect(definitionProblems({ description: null, keywords: null, serviceNotice: null, private: false, attributes: [a, { ...a, code: 'b c', order: 1 }, { ...a, code: 'l', order: 3, datatype: 'multivaluelist', values: [{ key: 'k', name: 'n' }, { key: 'k', name: 'm' }] }, { ...a, code: 'v', order: 4, variable: false, required: true }] }).map((p) => p.field)).toEqual([
      'attributes.1.code',
      'attributes.1.order',
      'attributes.2.values.1.key',
      'attributes.3.required',
    ]);
  });
});
