// Runs `next start` once per CPU core (WEB_CONCURRENCY overrides): Node serves a process's requests
// on one core, so a single server leaves the others idle while requests queue. The workers share
// the port (node:cluster hands connections out in turn); one that dies is replaced.
// Usage: node scripts/next-cluster.mjs start -p 3000   (the arguments go to `next`)
import cluster from "node:cluster";
import { createRequire } from "node:module";
import { webConcurrency } from "./web-concurrency.mjs";

const require = createRequire(import.meta.url);
const count = webConcurrency();

// A larger young generation: rendering a page allocates many short-lived objects, and with V8's
// default (16 MB) the collector ran often enough to cost about a sixth of the throughput.
// socket-address.mjs: the connection's address ends X-Forwarded-For (see there and lib/auth/client-address.ts).
// server-timeouts.mjs: how long a request may take (REQUEST_TIMEOUT_SECONDS; Node's 300 s cut slow uploads).
const preloads = ["./socket-address.mjs", "./server-timeouts.mjs"].flatMap((file) => ["--import", new URL(file, import.meta.url).href]);
const execArgv = [...process.execArgv, "--max-semi-space-size=32", ...preloads];
cluster.setupPrimary({ exec: require.resolve("next/dist/bin/next"), args: process.argv.slice(2), execArgv });
// Fewer malloc arenas (glibc makes one per thread): less memory kept back after large allocations.
const workerEnv = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" };
let stopping = false;
let restarts = 0;
for (let i = 0; i < count; i++) cluster.fork(workerEnv);

cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  if (++restarts > 10 * count) {
    console.error("The app's server processes keep stopping; giving up.");
    process.exit(1);
  }
  console.warn(`A server process stopped (${signal ?? `exit ${code}`}); starting another.`);
  cluster.fork(workerEnv);
});

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
}
