// How many server processes `npm start` runs (scripts/next-cluster.mjs): one per core, or
// WEB_CONCURRENCY. Also read by scripts/start.ts to count the connections they may open.
import { availableParallelism } from "node:os";

/** @param {Record<string, string | undefined>} [env] @param {number} [cores] */
export function webConcurrency(env = process.env, cores = availableParallelism()) {
  return Math.max(1, Number(env.WEB_CONCURRENCY) || cores);
}
