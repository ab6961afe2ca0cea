import { hostname } from 'node:os';
import { loadConfig } from './config';
import { platformModules } from './main';
import { calendarCoverageWarning } from './modules/deadlines';
import { seedDemoCity, type DemoAccount } from './modules/demo';
import { sharedJiebaTokenizer, trainInWorker } from './modules/intake';
import { cityOf } from './modules/org';
import { assembleContext, migrationDirs } from './platform/assemble';
import { randomIds, randomTokens, scryptHasher, systemClock } from './platform/crypto';
import { openDatabase } from './platform/db/open';
import { buildApp } from './platform/http/app';
import { startJobs } from './platform/jobs/runner';

/** Starts one server process: configuration, database, modules, HTTP, jobs. */
async function start() {
  const config = loadConfig();
  const city = cityOf(config.cityCode);
  const { modules } = platformModules({
    city,
    intake: {
      tokenizer: sharedJiebaTokenizer(),
      trainer: trainInWorker,
      modelsKept: config.intakeModelsKept,
      // The demo city ships a model trained on its demo orders, trained in the background on the first start
      // (the assistant answers MODEL.NOT_READY until it is stored), then retrained on the admin's schedule.
      retrain: {
        ensureDemoModel: config.seedDemo,
        onTrained: (m) => console.log(`intake model v${m.version} trained on ${m.trainedOn} ${m.source === 'demo' ? 'demo ' : ''}orders`),
      },
    },
    open311: {
      ...(config.open311JurisdictionId ? { jurisdictionId: config.open311JurisdictionId } : {}),
      ...(config.open311Contact ? { contact: config.open311Contact } : {}),
      ...(config.open311KeyService ? { keyService: config.open311KeyService } : {}),
      baseUrl: config.open311BaseUrl ?? null,
      postsPerMinute: config.open311PostsPerMinute,
      readsPerMinute: config.open311ReadsPerMinute,
      queueIntervalMs: config.open311QueueIntervalSeconds * 1000,
      endpointType: config.open311EndpointType,
    },
    deadlines: {
      sweepIntervalMs: config.sweepIntervalSeconds * 1000,
      onSweep: (r) => {
        if (r.supervised + r.escalated > 0) console.log(`deadline sweep: ${r.checked} checked, ${r.supervised} supervised, ${r.escalated} escalated`);
      },
    },
  });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, migrations: migrationDirs(modules) });
  const ctx = assembleContext(
    {
      db,
      clock: systemClock,
      ids: randomIds,
      passwords: scryptHasher,
      tokens: randomTokens,
      city,
      auth: {
        sessionHours: config.sessionHours,
        maxFailuresPerUser: config.loginMaxFailures,
        maxFailuresPerIp: config.loginMaxFailuresPerIp,
        failureWindowMinutes: config.loginWindowMinutes,
        sessionCacheSeconds: config.sessionCacheSeconds,
      },
    },
    modules,
  );
  const seeded = config.seedDemo ? await seedDemoCity(ctx, { admin: config.adminPassword, demo: config.demoPassword }) : null;
  const app = await buildApp(ctx, { modules, logger: config.logRequests, trustProxy: config.trustProxy });
  const address = await app.listen({ port: config.port, host: config.host });
  const local = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
  printBanner(local, db.engine, city.name, seeded);
  const calendarWarning = calendarCoverageWarning(ctx.clock.now());
  if (calendarWarning) console.warn(calendarWarning);

  const jobs = startJobs({ db, clock: ctx.clock, node: `${hostname()}:${process.pid}` }, modules.flatMap((m) => m.jobs?.(ctx) ?? []), (job, e) =>
    console.error(`${job} failed:`, e instanceof Error ? e.message : e),
  );
  // the first retrain tick at once: a new database gets its demo model without waiting a minute
  void jobs.runNow('intake.retrain');

  const stop = async () => {
    await jobs.stop();
    await app.close();
    for (const m of modules) await m.close?.();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printBanner(url: string, engine: string, cityName: string, seeded: DemoAccount[] | null) {
  const lines = [
    '',
    `12345 政务服务便民热线平台 (${cityName}) is running on ${engine}`,
    `  Console:  ${url}/`,
    `  Portal:   ${url}/portal`,
    `  API docs: ${url}/api/v1/docs`,
  ];
  if (seeded) {
    lines.push('', `Demo city ${cityName} created. Demo accounts (shown only this once; set ADMIN_PASSWORD / DEMO_PASSWORD to choose them):`);
    for (const a of seeded) lines.push(`  ${a.username.padEnd(11)} ${a.password.padEnd(14)} ${a.roles.join(',').padEnd(13)} ${a.displayName}`);
  } else {
    lines.push('', 'Existing database: demo accounts (admin, agent, dispatcher, handler, handler2, supervisor, leader, citizen) keep the passwords printed at first start.');
  }
  console.log(lines.join('\n'));
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
