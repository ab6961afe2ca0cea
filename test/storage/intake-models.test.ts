import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeStore } from '../../src/modules/intake/intake.store';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Model retention, on both engines: only the newest versions keep their weights; older ones stay listed,
// archived, and cannot be activated again.
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb.drop());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute)).toISOString();

async function store(version: number, keep: number) {
  return tdb.db.transaction((tx) =>
    intakeStore(tx).insertModel(
      { id: `m${version}`, createdAt: at(version), createdBy: 'system', source: 'demo', trainedOn: 100, metrics: { n: version } },
      JSON.stringify({ weights: version }),
      keep,
    ),
  );
}

describe('model versions and their weights', () => {
  it('keeps the weights of the newest versions only, and lists the older ones as archived', async () => {
    for (let v = 1; v <= 4; v++) expect(await store(v, 2)).toMatchObject({ version: v, active: true, archivedAt: null });
    const s = intakeStore(tdb.db);
    const list = await s.listModels();
    expect(list.map((m) => [m.version, m.active, m.archivedAt])).toEqual([
      [4, true, null],
      [3, false, null],
      [2, false, at(4)],
      [1, false, at(3)],
    ]);
    expect(await s.modelJson(1)).toBeNull();
    expect(await s.modelJson(2)).toBeNull();
    expect(JSON.parse((await s.modelJson(3)) ?? 'null')).toEqual({ weights: 3 });
    expect(list.find((m) => m.version === 1)?.metrics).toEqual({ n: 1 }); // the history stays
  });

  it('activates a kept version, refuses an archived one and says which versions do not exist', async () => {
    const activate = (v: number) => tdb.db.transaction((tx) => intakeStore(tx).activate(v));
    expect(await activate(3)).toBe('activated');
    expect(await intakeStore(tdb.db).activeVersion()).toBe(3);
    expect(await activate(2)).toBe('archived');
    expect(await activate(99)).toBe('not_found');
    expect(await intakeStore(tdb.db).activeVersion()).toBe(3);
  });

  it('counts the newest versions, whichever was active before: a version rolled back to stays while it is among them', async () => {
    // v3 is active (rolled back to); storing v5 makes v5 active, and with three kept v3 is still among the newest.
    await store(5, 3);
    const list = await intakeStore(tdb.db).listModels();
    expect(list.filter((m) => m.archivedAt === null).map((m) => m.version)).toEqual([5, 4, 3]);
    // Database checks refuse an active version without weights and an archive mark on a version with weights.
    await expect(tdb.db.query("UPDATE intake_models SET model = NULL, archived_at = now() WHERE version = 5")).rejects.toThrow();
    await expect(tdb.db.query('UPDATE intake_models SET archived_at = now() WHERE version = 4')).rejects.toThrow();
  });
});
