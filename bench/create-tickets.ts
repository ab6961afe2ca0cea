// Creates work orders over HTTP under concurrency against a real server process and prints one JSON line:
// orders/s and latency percentiles. Usage:
//   npm run bench:http -- [--engine pglite|postgres] [--orders 20000] [--concurrency 32] [--database-url URL] [--auto-dispatch 0.9]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const engine = (args.get('engine') ?? 'postgres') as 'pglite' | 'postgres';
const orders = Number(args.get('orders') ?? 20000);
const concurrency = Number(args.get('concurrency') ?? 32);
const warmup = Number(args.get('warmup') ?? 500);
// --auto-dispatch 0.9: switch automatic dispatch on with that threshold, so every order is classified too.
const autoDispatch = args.has('auto-dispatch') ? Number(args.get('auto-dispatch') || 0.9) : null;
const port = 20000 + Math.floor(Math.random() * 20000);
const baseUrl = args.get('database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function waitForHealth(child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await request('GET', '/api/v1/health')).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const env: Record<string, string> = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_PASSWORD: 'bench-pass-1', ADMIN_PASSWORD: 'bench-pass-1' } as Record<string, string>;
  let cleanup = async () => {};
  if (engine === 'postgres') {
    const name = `bench12345_${Date.now()}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bench12345-'));
    env.DATA_DIR = dir;
    delete env.DATABASE_URL;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server while it is measured.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForHealth(child);
    // Measure the steady state: the first start trains the demo intake model in the background; wait for it.
    const adminLogin = await request('POST', '/api/v1/auth/login', { username: 'admin', password: 'bench-pass-1' });
    const adminHeaders = { authorization: `Bearer ${(JSON.parse(adminLogin.body) as { token: string }).token}` };
    let modelReady = false;
    for (let i = 0; i < 240 && !modelReady; i++) {
      const models = await request('GET', '/api/v1/admin/models', undefined, adminHeaders);
      modelReady = models.status === 200 && (JSON.parse(models.body) as { items: unknown[] }).items.length > 0;
      if (!modelReady) await new Promise((r) => setTimeout(r, 1000));
    }
    if (autoDispatch !== null) {
      const on = await request('PUT', '/api/v1/admin/intake/settings', { autoDispatchEnabled: true, autoDispatchThreshold: autoDispatch }, adminHeaders);
      if (on.status !== 200) throw new Error(`could not switch automatic dispatch on: ${on.body}`);
    }
    const login = await request('POST', '/api/v1/auth/login', { username: 'agent', password: 'bench-pass-1' });
    const token = (JSON.parse(login.body) as { token: string }).token;
    const headers = { authorization: `Bearer ${token}` };
    const body = (i: number) => ({
      channel: 'phone',
      content: `鼓楼区丰财街道某小区夜间施工噪音扰民，第${i}次反映，请尽快处理`,
      caller: { name: '张先生', phone: `138${String(i % 100000000).padStart(8, '0')}` },
      address: '徐州市鼓楼区丰财街道',
      categoryCode: '01',
      urgency: 'normal',
      tags: ['噪音'],
    });

    let dispatchedCount = 0;
    const autoDispatched = () => dispatchedCount;
    async function run(count: number, latencies: number[] | null) {
      let next = 0;
      let failures = 0;
      const worker = async () => {
        while (next < count) {
          const i = next++;
          const start = performance.now();
          const res = await request('POST', '/api/v1/tickets', body(i), { ...headers, 'idempotency-key': randomUUID() });
          latencies?.push(performance.now() - start);
          if (res.status !== 201) failures++;
          else if (latencies && autoDispatch !== null && res.body.includes('"status":"dispatched"')) dispatchedCount++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return failures;
    }

    await run(warmup, null);
    const latencies: number[] = [];
    const started = performance.now();
    const failures = await run(orders, latencies);
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: 'create-tickets-http',
        engine,
        orders,
        concurrency,
        failures,
        ordersPerSecond: Math.round(orders / seconds),
        p50Ms: Number(percentile(latencies, 50).toFixed(1)),
        p99Ms: Number(percentile(latencies, 99).toFixed(1)),
        maxMs: Number(latencies[latencies.length - 1]!.toFixed(1)),
        modelReady,
        autoDispatchThreshold: autoDispatch,
        autoDispatched: autoDispatched(),
        node: process.version,
      }),
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    agent.destroy();
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
