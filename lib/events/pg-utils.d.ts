// node-postgres exports its lib/ files (package.json "exports": "./lib/*") but ships no types for
// them; this is the one the import uses: the serialiser pg applies to every query parameter.
declare module "pg/lib/utils" {
  /** A parameter as pg sends it: arrays become PostgreSQL array literals ("{"a","b",NULL}"). */
  export function prepareValue(value: unknown): unknown;
}
