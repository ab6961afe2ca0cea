import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database';
import { intakeStore } from '../../src/modules/intake/intake.store';
import { trainInProcess, type IntakeRuntime, type ModelTrainer } from '../../src/modules/intake/app/intake-runtime';
import { ensureIntakeModel, retrainIfDue } from '../../src/modules/intake/app/train-intake-model';
import type { AppContext } from '../../src/platform/context';
import { SYSTEM_ACTOR } from '../../src/platform/roles';
import { DEMO_MODEL_CLAIM_MINUTES, RETRAIN_CLAIM_MINUTES } from '../../src/modules/intake/engine/retrain-schedule';
import { sharedJiebaTokenizer } from '../../src/modules/intake/engine/jieba-tokenizer';
import { createTestApp, type TestApp } from '../support/http';
import { actOk, register } from '../support/tickets';

// Scheduled retraining when several application nodes share one database: every node runs the schedule, one
// trains. A "node" here is its own context (on PostgreSQL its own connection pool) and its own intake runtime.
// An admin's "train now" (POST /admin/models/train) takes the same claim: one training at a time.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestApp;
let intake: IntakeRuntime;
let otherDb: Database;
let start: number;
/** Trains in-process, as the test app does by default; what every trainer here ends up calling. */
const trainHere: ModelTrainer = trainInProcess(sharedJiebaTokenizer());
/** The trainer behind the HTTP routes of `t` (an admin's "train now"); a test may gate it. */
let routeTrainer: ModelTrainer = trainHere;

beforeAll(async () => {
  // A small demo set keeps each training to a second or two; the model is the same kind.
  t = await createTestApp({ intake: { demoOrderCount: 400, trainer: (input) => routeTrainer(input) } });
  intake = t.intake;
  otherDb = await t.tdb.openAnother(); // PostgreSQL: a second pool; PGlite: its one connection
  start = t.clock.now().getTime();
  await ensureIntakeModel(t.ctx, intake, SYSTEM_ACTOR);
  await intakeStore(t.ctx.db).saveSettings({ ...(await intakeStore(t.ctx.db).settings()), retrainIntervalHours: 1 });
}, 180_000);
afterAll(async () => t.close());

/** A node: its own connection and its own clock, fixed at `offsetMs` after the start of the test file. */
function node(db: Database, offsetMs: number): AppContext {
  const at = new Date(start + offsetMs);
  return { ...t.ctx, db, clock: { now: () => new Date(at) } };
}

/** A node's runtime whose trainer counts its trainings and may wait for `gate` before training. */
function runtime(gate?: Promise<void>, onTrain?: () => void): IntakeRuntime & { trainings: number } {
  const counted: IntakeRuntime & { trainings: number } = { ...intake, trainings: 0 };
  const train: ModelTrainer = async (input) => {
    counted.trainings += 1;
    onTrain?.();
    await gate;
    return trainHere(input);
  };
  counted.train = train;
  return counted;
}

/** An order answered directly at the test app's clock: new history since the last version. */
async function closeAnOrder(): Promise<void> {
  t.clock.advance(MINUTE);
  const asked = await register(t, { content: '咨询居住证办理需要哪些材料', categoryCode: '040203' });
  await actOk(t, 'agent', asked, 'answer', { answer: '已告知所需材料' });
}

/**
 * Makes the node wait for `arrive` (a barrier) when it counts the orders closed since the last version, the
 * last step of deciding that a retrain is due: both nodes have found it due before either goes on.
 */
function meetAtDueCheck(db: Database, arrive: () => Promise<void>): Database {
  return {
    ...db,
    query: async <T,>(text: string, params?: readonly unknown[]) => {
      if (text.startsWith("SELECT count(*) AS n FROM tickets WHERE status = 'closed' AND updated_at >")) await arrive();
      return db.query<T>(text, params);
    },
  };
}

function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return all;
  };
}

const versions = async () => (await intakeStore(t.ctx.db).listModels()).length;

describe('scheduled retraining on several nodes', () => {
  it('trains one version when two nodes find the same retrain due at the same moment', async () => {
    await closeAnOrder();
    const before = await versions();
    const arrive = barrier(2); // both nodes find the retrain due before either claims or trains it
    const [a, b] = [runtime(), runtime()];
    const results = await Promise.all([
      retrainIfDue(node(meetAtDueCheck(t.ctx.db, arrive), 2 * HOUR), a, SYSTEM_ACTOR),
      retrainIfDue(node(meetAtDueCheck(otherDb, arrive), 2 * HOUR), b, SYSTEM_ACTOR),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(a.trainings + b.trainings).toBe(1);
    expect(await versions()).toBe(before + 1);
    expect(results.find((r) => r !== null)).toMatchObject({ version: before + 1, active: true, createdBy: 'system' });
    // The winner released its claim: a node may claim again at once, well before the claim would have expired.
    const store = intakeStore(t.ctx.db);
    const at = new Date(start + 2 * HOUR);
    expect(await store.claimRetrain('probe', at.toISOString(), new Date(at.getTime() + MINUTE).toISOString())).toBe(true);
    await store.releaseRetrain('probe');
  }, 180_000);

  it('holds the claim while a node trains; once it expires another node trains and the late node stores nothing', async () => {
    t.clock.set(new Date(start + 2 * HOUR).toISOString()); // after the version of the previous test
    await closeAnOrder();
    const before = await versions();
    let release!: () => void;
    let entered!: () => void;
    const training = new Promise<void>((resolve) => (entered = resolve));
    const slow = runtime(new Promise<void>((resolve) => (release = resolve)), () => entered());
    const late = retrainIfDue(node(t.ctx.db, 4 * HOUR), slow, SYSTEM_ACTOR); // claims, then trains until released
    await training;

    const other = runtime();
    expect(await retrainIfDue(node(otherDb, 4 * HOUR + 5 * MINUTE), other, SYSTEM_ACTOR)).toBeNull(); // claim held
    expect(other.trainings).toBe(0);
    // The slow node looks dead: past the claim's expiry another node takes the retrain over.
    const takeover = await retrainIfDue(node(otherDb, 4 * HOUR + (RETRAIN_CLAIM_MINUTES + 1) * MINUTE), other, SYSTEM_ACTOR);
    expect(takeover).toMatchObject({ version: before + 1, active: true });
    expect(other.trainings).toBe(1);

    release(); // the slow node finishes after all: its claim was taken over, so its model is dropped
    expect(await late).toBeNull();
    expect(slow.trainings).toBe(1);
    expect(await versions()).toBe(before + 1);
    expect((await intakeStore(t.ctx.db).latest())?.id).toBe(takeover?.id);
  }, 180_000);

  it('releases the claim when training fails, so the next check on any node may retrain', async () => {
    t.clock.set(new Date(start + 5 * HOUR).toISOString());
    await closeAnOrder();
    const before = await versions();
    const failing = runtime();
    failing.train = async () => {
      throw new Error('worker died');
    };
    await expect(retrainIfDue(node(t.ctx.db, 7 * HOUR), failing, SYSTEM_ACTOR)).rejects.toThrow('worker died');
    expect(await retrainIfDue(node(otherDb, 7 * HOUR), runtime(), SYSTEM_ACTOR)).toMatchObject({ version: before + 1 });
  }, 180_000);
});

describe("an admin's training now, beside the schedule", () => {
  const trainNow = async () =>
    t.app.inject({ method: 'POST', url: '/api/v1/admin/models/train', headers: await t.as('admin'), payload: {} });

  it('runs one training at a time: of two trainings started at once, one stores a version (201), the other is refused (409)', async () => {
    t.clock.set(new Date(start + 8 * HOUR).toISOString()); // after the versions of the scheduled tests
    const before = await versions();
    let release!: () => void;
    let bothTraining!: (v: 'both trained') => void;
    let trainings = 0;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const secondTraining = new Promise<'both trained'>((resolve) => (bothTraining = resolve));
    routeTrainer = async (input) => {
      trainings += 1;
      if (trainings === 2) bothTraining('both trained');
      await gate; // the winner trains until the refused one has answered
      return trainHere(input);
    };
    try {
      const both = [trainNow(), trainNow()];
      const first = await Promise.race([...both, secondTraining]); // the refused one answers at once
      if (first === 'both trained') throw new Error('both trainings ran at once');
      expect(first.statusCode, first.body).toBe(409);
      expect(first.json()).toMatchObject({ code: 'MODEL.TRAINING_IN_PROGRESS' });
      release();
      const answers = await Promise.all(both);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.statusCode === 201)?.json()).toMatchObject({ version: before + 1, active: true });
    } finally {
      release();
      routeTrainer = trainHere;
    }
    expect(trainings).toBe(1);
    expect(await versions()).toBe(before + 1);
  }, 180_000);

  it('is refused while the scheduled retrain holds the claim, and trains once it is done although no retrain is due', async () => {
    t.clock.set(new Date(start + 10 * HOUR).toISOString());
    await closeAnOrder(); // a retrain is due for the schedule
    const now = t.clock.now().getTime() - start;
    const before = await versions();
    let release!: () => void;
    let entered!: () => void;
    const training = new Promise<void>((resolve) => (entered = resolve));
    const slow = runtime(new Promise<void>((resolve) => (release = resolve)), () => entered());
    const scheduled = retrainIfDue(node(otherDb, now), slow, SYSTEM_ACTOR);
    await training; // the schedule holds the claim and trains

    const refused = await trainNow();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'MODEL.TRAINING_IN_PROGRESS' });
    release();
    expect(await scheduled).toMatchObject({ version: before + 1, createdBy: 'system' });

    // Nothing has closed since that version, so no retrain is due; the admin's training is never skipped for that.
    expect(await retrainIfDue(node(t.ctx.db, now), runtime(), SYSTEM_ACTOR)).toBeNull();
    const trained = await trainNow();
    expect(trained.statusCode, trained.body).toBe(201);
    expect(trained.json()).toMatchObject({ version: before + 2, active: true });
    expect(trained.json().createdBy).not.toBe('system');
    expect(await versions()).toBe(before + 2);
  }, 180_000);
});

describe('the demo model on a first start of several nodes', () => {
  let fresh: TestApp;
  let freshOther: Database;
  beforeAll(async () => {
    fresh = await createTestApp(); // a new database: no model yet
    freshOther = await fresh.tdb.openAnother();
  }, 180_000);
  afterAll(async () => fresh.close());

  const at = (db: Database, minutes: number): AppContext => {
    const now = new Date(fresh.clock.now().getTime() + minutes * MINUTE);
    return { ...fresh.ctx, db, clock: { now: () => new Date(now) } };
  };

  it('trains one demo model when two nodes start together', async () => {
    let release!: () => void;
    let entered!: () => void;
    const training = new Promise<void>((resolve) => (entered = resolve));
    const first = runtime(new Promise<void>((resolve) => (release = resolve)), () => entered());
    const second = runtime();
    const a = ensureIntakeModel(at(fresh.ctx.db, 0), first, SYSTEM_ACTOR);
    await training; // the first node holds the claim and trains
    expect(await ensureIntakeModel(at(freshOther, 0), second, SYSTEM_ACTOR)).toBeNull();
    release();
    expect(await a).toMatchObject({ version: 1, source: 'demo', active: true });
    expect(second.trainings).toBe(0);
    expect(await ensureIntakeModel(at(freshOther, 1), second, SYSTEM_ACTOR)).toBeNull(); // a model exists now
    expect(await intakeStore(fresh.ctx.db).listModels()).toHaveLength(1);
  }, 180_000);
});

describe('a first start stopped while training the demo model', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp();
  }, 180_000);
  afterAll(async () => fresh.close());

  it('holds the claim only a few minutes: then the next start trains the demo model', async () => {
    const store = intakeStore(fresh.ctx.db);
    const t0 = fresh.clock.now().getTime();
    const iso = (minutes: number) => new Date(t0 + minutes * MINUTE).toISOString();
    // The stopped process claimed the training and never released it.
    expect(await store.claimRetrain('stopped-node', iso(0), iso(DEMO_MODEL_CLAIM_MINUTES))).toBe(true);
    const restarted = (minutes: number): AppContext => ({ ...fresh.ctx, clock: { now: () => new Date(t0 + minutes * MINUTE) } });
    expect(await ensureIntakeModel(restarted(1), runtime(), SYSTEM_ACTOR)).toBeNull();
    expect(await ensureIntakeModel(restarted(DEMO_MODEL_CLAIM_MINUTES + 1), runtime(), SYSTEM_ACTOR)).toMatchObject({ version: 1, source: 'demo' });
  }, 180_000);
});
