// Worker-thread bootstrap: module hooks are per thread, so register tsx here before loading the TypeScript
// worker (intake-train-worker.ts). Plain JavaScript on purpose: it must load before any hook exists.
import { register } from 'tsx/esm/api';

register();
await import('./intake-train-worker.ts');
