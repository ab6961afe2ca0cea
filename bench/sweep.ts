/**
 * Deadline sweep benchmark on PostgreSQL: 1,000,000 open orders (bulk-inserted with generate_series), their
 * colour state as the previous sweep left it one minute ago, then:
 *  - one sweep (the real `sweepDeadlines`) that finds and handles every order that changed colour or is due an
 *    escalation in that minute;
 *  - listing the 50 most urgent orders of one unit (the real `urgentQueue`), 50 times over random units.
 * Prints one JSON line. Usage: npm run bench:sweep  (BENCH_DATABASE_URL, BENCH_ORDERS to override)
 */
import os from 'node:os';
import pg from 'pg';
import { migrate } from '../src/platform/db/migrate';
import { openPostgres } from '../src/platform/db/postgres';
import { deadlinesStore } from '../src/modules/deadlines/deadlines.store';
import { loadDeadlineSettings } from '../src/modules/deadlines/app/load-deadline-settings';
import { sweepDeadlines } from '../src/modules/deadlines/app/sweep-deadlines';
import { BENCH_MIGRATIONS, benchContext } from './platform';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const UNITS = 400;
const DB_NAME = `bench_sweep_${ORDERS}`;
// The previous sweep ran at T0; this one runs at T0 + 1 minute.
const T0 = new Date('2025-10-20T02:00:00Z');

async function ensureDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const u = new URL(BASE_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
}

async function main(): Promise<void> {
  const url = await ensureDatabase();
  const db = await openPostgres(url, 4);
  await migrate(db, BENCH_MIGRATIONS);
  const seedStart = performance.now();
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
  if (n !== ORDERS) {
    await db.exec('TRUNCATE notifications, ticket_deadlines, ticket_events, tickets, units CASCADE');
    await db.query(
      `INSERT INTO units (id, name, kind, parent_id, created_at) VALUES ('centre', '市12345热线', 'centre', NULL, now())`,
    );
    await db.query(
      `INSERT INTO units (id, name, kind, parent_id, created_at)
       SELECT 'd' || g, '区' || g, 'district', 'centre', now() FROM generate_series(0, 19) g`,
    );
    await db.query(
      `INSERT INTO units (id, name, kind, parent_id, created_at)
       SELECT 'u' || g, '街道' || g, 'street', 'd' || (g % 20), now() FROM generate_series(0, ${UNITS - 1}) g`,
    );
    // received over the 10 days before T0, spread by a multiplicative hash of g
    await db.query(
      `INSERT INTO tickets (id, number, status, version, channel, title, content, urgency, tags, received_at, created_at, updated_at, lead_unit_id)
       SELECT 'b' || g, 'B' || lpad(g::text, 9, '0'),
              CASE WHEN g % 3 = 0 THEN 'dispatched' ELSE 'in_progress' END, 2, 'phone', '基准工单 ' || g, '基准测试内容',
              CASE WHEN g % 50 = 0 THEN 'emergency' WHEN g % 10 = 0 THEN 'urgent' ELSE 'normal' END,
              CASE WHEN g % 100 = 0 THEN ARRAY['涉疫'] ELSE '{}'::text[] END,
              r, r, r, 'u' || (g % ${UNITS})
         FROM generate_series(1, ${ORDERS}) g,
              LATERAL (SELECT $1::timestamptz - ((g::bigint * 7919) % 864000) * interval '1 second' AS r) x`,
      [T0.toISOString()],
    );
  }
  // The deadline rows are rebuilt on every run, in the state the sweep at T0 left them.
  await db.exec('TRUNCATE notifications, ticket_deadlines');
  await db.exec("DELETE FROM ticket_events WHERE type = 'supervised'");
  await db.query(
    `INSERT INTO ticket_deadlines (ticket_id, unit_id, status, priority, urgency_rank, rounds, deadlines, sign_by, reply_by,
        original_reply_by, policy_version, due_at, yellow_at, orange_at, red_at, level, next_check_at, last_supervised_at,
        supervision_count, updated_at)
     SELECT t.id, t.lead_unit_id, t.status, CASE WHEN '涉疫' = ANY(t.tags) THEN 1 ELSE 0 END,
            CASE t.urgency WHEN 'emergency' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END, 1,
            jsonb_build_object('countFrom', t.received_at, 'signBy', t.received_at + a.allowed / 5, 'replyBy', t.received_at + a.allowed,
                               'originalReplyBy', t.received_at + a.allowed, 'policyVersion', 0, 'signedAt', NULL, 'extendedHours', 0,
                               'signLimit', jsonb_build_object('amount', 1, 'unit', 'working_days'),
                               'replyLimit', jsonb_build_object('amount', 5, 'unit', 'working_days')),
            t.received_at + a.allowed / 5, t.received_at + a.allowed, t.received_at + a.allowed, 0,
            s.due, s.y, s.o, s.r, l.level,
            CASE l.level WHEN 'none' THEN s.y WHEN 'yellow' THEN s.o WHEN 'orange' THEN s.r
                         ELSE CASE WHEN l.k >= 3 THEN NULL ELSE l.sup + interval '240 minutes' END END,
            CASE WHEN l.level = 'red' THEN l.sup END, CASE WHEN l.level = 'red' THEN 1 + least(l.k, 3) ELSE 0 END, $1
       FROM tickets t,
            LATERAL (SELECT (2 + (hashtext(t.id) & 1023) % 11) * interval '1 day' AS allowed) a,
            LATERAL (SELECT t.received_at + a.allowed AS due, t.received_at + a.allowed * 0.6 AS y,
                            t.received_at + a.allowed * 0.85 AS o, t.received_at + a.allowed + interval '1 millisecond' AS r) s,
            -- the state every-minute sweeps leave: supervised when red, escalated every 240 min, at most 3 times
            LATERAL (SELECT floor(extract(epoch FROM ($1::timestamptz - s.r)) / 14400)::int AS k) e,
            LATERAL (SELECT CASE WHEN s.r <= $1 THEN 'red' WHEN s.o <= $1 THEN 'orange' WHEN s.y <= $1 THEN 'yellow' ELSE 'none' END AS level,
                            greatest(e.k, 0) AS k, s.r + least(greatest(e.k, 0), 3) * interval '240 minutes' AS sup) l
      WHERE t.status <> 'closed'`,
    [T0.toISOString()],
  );
  await db.exec('ANALYZE ticket_deadlines');
  const seedMs = performance.now() - seedStart;
  const [{ open } = { open: 0 }] = await db.query<{ open: number }>('SELECT count(*)::int AS open FROM ticket_deadlines WHERE due_at IS NOT NULL');

  await loadDeadlineSettings(db); // warm the calendar cache as a running server has it
  let id = 0;
  const ids = { id: () => `bs-${++id}` };
  // Five consecutive every-minute sweeps (T0+1 min ... T0+5 min): the first is the headline figure, the median and
  // max of the five show the spread on a shared machine.
  const runs: { ms: number; report: Awaited<ReturnType<typeof sweepDeadlines>> }[] = [];
  for (let minute = 1; minute <= 5; minute++) {
    const at = new Date(T0.getTime() + minute * 60_000);
    const start = performance.now();
    const r = await sweepDeadlines({ db, clock: { now: () => at }, ids, events: benchContext(db).events, workers: 2 });
    runs.push({ ms: performance.now() - start, report: r });
  }
  const report = runs[0]!.report;
  const sweepMs = runs[0]!.ms;
  const sweepTimes = runs.map((r) => r.ms).sort((a, b) => a - b);

  // The 50 most urgent orders of a unit: first read of each unit's queue (cold pages) and re-reads (warm, as a
  // unit's handlers refresh their queue all day).
  const store = deadlinesStore(db);
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  for (let i = 0; i < 50; i++) {
    const unit = `u${(i * 37) % UNITS}`;
    for (let r = 0; r < 4; r++) {
      const t = performance.now();
      const rows = await store.urgentQueue(unit, 50);
      (r === 0 ? coldMs : warmMs).push(performance.now() - t);
      if (rows.length !== 50) throw new Error(`expected 50 orders for ${unit}, got ${rows.length}`);
    }
  }
  const pct = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 100) / 100;
  };
  const [{ pgVersion } = { pgVersion: '' }] = await db.query<{ pgVersion: string }>("SELECT current_setting('server_version') AS \"pgVersion\"");
  await db.close();
  console.log(
    JSON.stringify({
      bench: 'sweep',
      engine: `postgres ${pgVersion}`,
      openOrders: open,
      units: UNITS,
      seedMs: Math.round(seedMs),
      sweepMs: Math.round(sweepMs * 10) / 10,
      sweep5MedianMs: Math.round((sweepTimes[2] ?? 0) * 10) / 10,
      sweep5MaxMs: Math.round((sweepTimes[4] ?? 0) * 10) / 10,
      sweep5Checked: runs.map((r) => r.report.checked),
      sweepChecked: report.checked,
      sweepChanged: report.changed,
      sweepSupervised: report.supervised,
      sweepEscalated: report.escalated,
      sweepNotifications: report.notifications,
      urgent50ColdP50Ms: pct(coldMs, 0.5),
      urgent50ColdP95Ms: pct(coldMs, 0.95),
      urgent50ColdMaxMs: pct(coldMs, 1),
      urgent50WarmP50Ms: pct(warmMs, 0.5),
      urgent50WarmP95Ms: pct(warmMs, 0.95),
      loadAverage: os.loadavg()[0],
      cpus: os.cpus().length,
      node: process.version,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
