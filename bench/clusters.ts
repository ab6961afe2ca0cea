/**
 * Event clustering at the size of a busy week: N open orders (the demo city's generated requests, about one in
 * twelve repeating an earlier event, each with its district) grouped by `clusterOrders`. Prints ONE JSON line with
 * the median and max of five runs.
 *   npm run bench:clusters -- [--orders 5000]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadDivisions } from '../src/modules/org/divisions';
import { generateDemoOrders } from '../src/modules/intake/engine/demo-orders';
import { clusterOrders } from '../src/modules/intake/engine/similar';
import { option } from './jsonl';

const count = Number(option('orders') ?? 5000);
const orders = generateDemoOrders(loadDivisions(), { count, seed: 7 }).map((o) => ({
  id: o.id,
  text: `${o.title}，${o.content}`,
  areaCode: o.areaCode,
  streetCode: o.streetCode,
}));
const times: number[] = [];
let clusters = clusterOrders(orders);
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  clusters = clusterOrders(orders);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const sizes = clusters.map((c) => c.ids.length);
console.log(
  JSON.stringify({
    mode: 'clusters',
    orders: count,
    clusters: clusters.length,
    clustered: sizes.reduce((s, n) => s + n, 0),
    largest: sizes[0] ?? 0,
    medianMs: Math.round(times[2] as number),
    maxMs: Math.round(times[4] as number),
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    machine: `${os.cpus().length} cores, node ${process.version}`,
  }),
);
