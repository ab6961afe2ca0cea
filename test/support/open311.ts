import { expect } from 'vitest';
import type { TestApp } from './http';
import {
  errorsSchema,
  expectSchema,
  postResponseSchema,
  readErrorsXml,
  readPostResponseXml,
} from './georeport-spec';

export const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

/** A form body as browsers and HTTP libraries encode it (spaces as +, UTF-8 percent-encoded), repeated keys kept. */
export const formBody = (fields: readonly (readonly [string, string])[]): string => new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString();

/** Issues a key to a client app as the demo admin. */
export async function issueKey(t: TestApp, name = 'Test 311 app'): Promise<{ id: string; apiKey: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311/clients', headers: await t.as('admin'), payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function post(t: TestApp, format: 'json' | 'xml', fields: readonly (readonly [string, string])[]) {
  return t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: { 'content-type': FORM }, payload: formBody(fields) });
}

/** POSTs a request and returns the GeoReport answer's one request (read from the spec, either format). */
export async function postOk(t: TestApp, format: 'json' | 'xml', fields: readonly (readonly [string, string])[]): Promise<Record<string, unknown>> {
  const res = await post(t, format, fields);
  expect(res.statusCode, res.body).toBe(200);
  const answer = format === 'json' ? res.json() : readPostResponseXml(res.body);
  expectSchema(postResponseSchema, answer);
  return (answer as Record<string, unknown>[])[0]!;
}

/** Asserts a GeoReport error answer: the status, and the descriptions (read from the spec) each matching one pattern. */
export function expectErrors(res: { statusCode: number; body: string; headers: Record<string, unknown> }, format: 'json' | 'xml', status: number, ...patterns: RegExp[]) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain(format === 'json' ? 'application/json' : 'text/xml');
  const errors = (format === 'json' ? JSON.parse(res.body) : readErrorsXml(res.body)) as { code: number; description: string }[];
  expectSchema(errorsSchema, errors);
  for (const e of errors) expect(e.code).toBe(status);
  for (const p of patterns) expect(errors.map((e) => e.description).some((d) => p.test(d)), `${p} in ${res.body}`).toBe(true);
  return errors;
}
