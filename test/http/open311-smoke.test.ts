import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/http';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('smoke', async () => {
  const admin = await t.as('admin');
  const c = await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311/clients', headers: admin, payload: { name: 'Test app' } });
  console.log(c.statusCode, c.body);
  const key = c.json().apiKey;
  for (const url of ['/open311/discovery.json', '/open311/discovery.xml', '/open311/v2/services.xml', '/open311/v2/services/020401.json', '/open311/v2/services.csv', '/open311/v2/services', '/open311/v2/requests.json']) {
    const r = await t.app.inject({ url });
    console.log(url, r.statusCode, r.headers['content-type'], r.body.slice(0, 600));
  }
  const p = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, payload: `api_key=${key}&service_code=020401&lat=34.26&long=117.18&description=${encodeURIComponent('路灯不亮 13812345678')}&first_name=${encodeURIComponent('三')}&last_name=${encodeURIComponent('张')}` });
  console.log(p.statusCode, p.body);
  const l = await t.app.inject({ url: '/open311/v2/requests.xml' });
  console.log(l.statusCode, l.body);
  const bad = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'api_key=nope&service_code=x' });
  console.log(bad.statusCode, bad.body);
  const bad2 = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'text/plain' }, payload: '%%%' });
  console.log(bad2.statusCode, bad2.body);
  expect(1).toBe(1);
});
