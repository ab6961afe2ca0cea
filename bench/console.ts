// Console performance in headless Chromium against the built console served by the real server (PGlite):
//  - deskInteractiveMs: navigation to an interactive agent desk (signed in, phone input focused and enabled)
//  - deskFirstLoadJsGzipKB: gzipped size of all JavaScript the desk's first load fetched
//  - list50ColdMs / list50WarmMs: in-app navigation to the order list until 50 rows are rendered
//    (cold = list chunk not yet loaded; warm = median of repeated visits)
// Prints one JSON line. Usage: npm run bench:console
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { buildConsoleIfStale, DEMO_PASSWORD, startServer } from '../test/e2e/server';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function main() {
  // Other work on a shared machine slows a browser a lot: the 1-minute load average is printed with the figures.
  const load0 = loadavg()[0] ?? 0;
  buildConsoleIfStale();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const api = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
      const r = await fetch(`${server.baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };
    const { token: dispatcherToken } = await api<{ token: string }>('/auth/login', { username: 'dispatcher', password: DEMO_PASSWORD });
    // A new server trains its intake model in-process at start-up; measure the console against a settled
    // server, not one whose event loop is busy training (waits at most 3 minutes).
    const settleStart = performance.now();
    let modelReady = false;
    while (performance.now() - settleStart < 180_000) {
      const r = await fetch(`${server.baseUrl}/api/v1/assist/analyze`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${dispatcherToken}` },
        body: JSON.stringify({ content: '路灯不亮' }),
      });
      await r.arrayBuffer();
      if (r.status !== 409) {
        modelReady = r.ok;
        break;
      }
      await new Promise((res) => setTimeout(res, 2000));
    }
    const TICKETS = 60;
    for (let i = 0; i < TICKETS; i++) {
      await api('/tickets', { channel: 'phone', content: `基准测试工单 ${i}：道路照明设施故障，请核实处理。`, caller: { phone: `1390000${String(i).padStart(4, '0')}` }, tags: ['bench'] }, dispatcherToken);
    }
    // An agent who signed in earlier (token and user kept by the console) opens the desk.
    const { token, user } = await api<{ token: string; user: unknown }>('/auth/login', { username: 'agent', password: DEMO_PASSWORD });

    const deskTimes: number[] = [];
    let jsGzipBytes = 0;
    let jsFiles = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
      await context.addInitScript(`localStorage.setItem('hotline.token', ${JSON.stringify(token)}); localStorage.setItem('hotline.user', ${JSON.stringify(JSON.stringify(user))})`);
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      if (run === 0) {
        page.on('response', (res) => {
          if (res.request().resourceType() === 'script') scripts.push(res.body().then((b) => gzipSync(b, { level: 9 }).length));
        });
      }
      const t0 = performance.now();
      await page.goto(`${server.baseUrl}/desk`);
      await page.waitForFunction(
        `(() => { const el = document.querySelector('[data-testid="desk-phone"]'); return !!el && !el.disabled && document.activeElement === el; })()`,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      deskTimes.push(performance.now() - t0);
      if (run === 0) {
        const sizes = await Promise.all(scripts);
        jsGzipBytes = sizes.reduce((a, b) => a + b, 0);
        jsFiles = sizes.length;
      }
      await context.close();
    }

    // The order list, reached from the desk as a user would (client-side navigation).
    const { token: supToken } = await api<{ token: string }>('/auth/login', { username: 'supervisor', password: DEMO_PASSWORD });
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    await context.addInitScript(`localStorage.setItem('hotline.token', ${JSON.stringify(supToken)})`);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/review`);
    await page.locator('[data-testid="review-desk"]').waitFor();
    await page.waitForTimeout(1500);
    const visitList = async (): Promise<number> => {
      const t0 = performance.now();
      await page.evaluate(`window.history.pushState(null, '', '/tickets?pageSize=50'); window.dispatchEvent(new PopStateEvent('popstate'));`);
      await page.waitForFunction(`document.querySelectorAll('[data-testid="ticket-table"] tbody tr[data-row-key]').length === 50`, undefined, {
        polling: 'raf',
        timeout: 30_000,
      });
      const ms = performance.now() - t0;
      await page.evaluate(`window.history.pushState(null, '', '/review'); window.dispatchEvent(new PopStateEvent('popstate'));`);
      await page.locator('[data-testid="review-desk"]').waitFor();
      // Let the review desk finish its own requests so they do not overlap the next measurement.
      await page.waitForTimeout(1500);
      return ms;
    };
    const cold = await visitList();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await visitList());
    await context.close();

    console.log(
      JSON.stringify({
        bench: 'console',
        engine: 'pglite',
        browser: 'chromium headless',
        cpus: cpus().length,
        loadAvg1mAtStart: Math.round(load0 * 10) / 10,
        tickets: TICKETS,
        intakeModelReady: modelReady,
        runs: RUNS,
        deskInteractiveMsMedian: Math.round(median(deskTimes)),
        deskInteractiveMsFirst: Math.round(deskTimes[0] ?? NaN),
        // On a shared machine the minimum is the closest to the cost without other load.
        deskInteractiveMsMin: Math.round(Math.min(...deskTimes)),
        deskFirstLoadJsGzipKB: Math.round(jsGzipBytes / 102.4) / 10,
        deskFirstLoadJsFiles: jsFiles,
        list50ColdMs: Math.round(cold),
        list50WarmMsMedian: Math.round(median(warm)),
        list50WarmMsMin: Math.round(Math.min(...warm)),
        loadAvg1mAtEnd: Math.round((loadavg()[0] ?? 0) * 10) / 10,
        targets: { deskInteractiveMs: 1500, list50Ms: 300, deskFirstLoadJsGzipKB: 600 },
      }),
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
