import { buildApp } from './adapters/http/app';
import { openDatabase } from './adapters/db/open';
import { randomIds, randomTokens, scryptHasher, systemClock } from './adapters/crypto/passwords';
import type { AppContext } from './app/ports';
import { seedDemoCity, type DemoAccount } from './app/seed-demo-city';
import { loadConfig } from './config';
import { startDeadlineSweeper } from './adapters/jobs/deadline-sweeper';
import { calendarCoverageWarning } from './adapters/calendar/chinese-days-calendar';
import { startIntakeRetrainSchedule } from './adapters/jobs/intake-retrain';
import { trainInWorker } from './adapters/jobs/train-in-worker';
import { ensureIntakeModel } from './app/intake/train-intake-model';
import { SYSTEM_ACTOR } from './domain/roles';
import { sharedJiebaTokenizer } from './intake/jieba-tokenizer';
import { wireFeatures } from './wiring';

/** Wiring only: configuration, database, context, features (wiring.ts), HTTP, jobs. */
async function main() {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  const ctx: AppContext = {
    db,
    clock: systemClock,
    ids: randomIds,
    passwords: scryptHasher,
    tokens: randomTokens,
    auth: {
      sessionHours: config.sessionHours,
      maxFailuresPerUser: config.loginMaxFailures,
      maxFailuresPerIp: config.loginMaxFailuresPerIp,
      failureWindowMinutes: config.loginWindowMinutes,
      sessionCacheSeconds: config.sessionCacheSeconds,
    },
    ticketHooks: [],
  };
  // Deadlines (issue 4) and smart intake (issue 5): the same wiring as the HTTP tests; models train in a worker thread.
  const { intake, plugins } = wireFeatures(ctx, { tokenizer: sharedJiebaTokenizer(), trainer: trainInWorker, modelsKept: config.intakeModelsKept });
  const seeded = config.seedDemo ? await seedDemoCity(ctx, { admin: config.adminPassword, demo: config.demoPassword }) : null;
  const app = await buildApp(ctx, { logger: config.logRequests, trustProxy: config.trustProxy, plugins });
  const address = await app.listen({ port: config.port, host: config.host });
  const local = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
  printBanner(local, db.engine, seeded);
  // The demo city ships a model trained on its demo orders; trained in the background on first start
  // (the assistant answers MODEL.NOT_READY until it is stored). Then retrained on the admin's schedule.
  if (config.seedDemo) {
    void ensureIntakeModel(ctx, intake, SYSTEM_ACTOR)
      .then((m) => m && console.log(`intake model v${m.version} trained on ${m.trainedOn} demo orders`))
      .catch((e: unknown) => console.error('intake model training failed:', e instanceof Error ? e.message : e));
  }
  const stopRetrain = startIntakeRetrainSchedule(ctx, intake, { ensureDemoModel: config.seedDemo });
  const calendarWarning = calendarCoverageWarning(ctx.clock.now());
  if (calendarWarning) console.warn(calendarWarning);
  // Automatic supervision: every minute, on every node (the sweep shares rows between nodes with SKIP LOCKED).
  const sweeper = startDeadlineSweeper(ctx, {
    intervalMs: config.sweepIntervalSeconds * 1000,
    onReport: (r) => {
      if (r.supervised + r.escalated > 0) console.log(`deadline sweep: ${r.checked} checked, ${r.supervised} supervised, ${r.escalated} escalated`);
    },
    onError: (e) => console.error('deadline sweep failed:', e instanceof Error ? e.message : e),
  });

  const stop = async () => {
    await sweeper.stop();
    stopRetrain();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printBanner(url: string, engine: string, seeded: DemoAccount[] | null) {
  const lines = [
    '',
    `12345 政务服务便民热线平台 is running on ${engine}`,
    `  Console:  ${url}/`,
    `  Portal:   ${url}/portal`,
    `  API docs: ${url}/api/v1/docs`,
  ];
  if (seeded) {
    lines.push('', 'Demo city 徐州市 created. Demo accounts (shown only this once; set ADMIN_PASSWORD / DEMO_PASSWORD to choose them):');
    for (const a of seeded) lines.push(`  ${a.username.padEnd(11)} ${a.password.padEnd(14)} ${a.roles.join(',').padEnd(13)} ${a.displayName}`);
  } else {
    lines.push('', 'Existing database: demo accounts (admin, agent, dispatcher, handler, handler2, supervisor, leader, citizen) keep the passwords printed at first start.');
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
