// SQL that turns one Prisma schema into another, computed offline by Prisma 6.19's
// `migrate diff` (see prisma/prisma6.config.ts and README "Changing the schema").
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { schemaEngineStub } from "../generate";

export const SCHEMA_FILE = path.resolve("prisma/schema.prisma");
export const SNAPSHOT_FILE = path.resolve("prisma/migrations/schema-snapshot.prisma");

/** Prisma 6 wants the datasource url in the schema itself; Prisma 7 forbids it there. */
function forPrisma6(file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "prisma6-"));
  const out = path.join(dir, "schema.prisma");
  const text = readFileSync(file, "utf8").replace(
    /datasource\s+db\s*\{([^}]*)\}/,
    (_m, body: string) => `datasource db {${body.replace(/\s*$/, "")}\n  url = env("PRISMA6_DIFF_DATABASE_URL")\n}`,
  );
  writeFileSync(out, text);
  return out;
}

/** from: a schema file, or null for an empty database. */
export function diffSchemas(from: string | null, to: string, databaseUrl: string): string {
  const args = [
    path.resolve("node_modules/prisma6/build/index.js"),
    "migrate",
    "diff",
    "--config",
    path.resolve("prisma/prisma6.config.ts"),
    ...(from ? ["--from-schema-datamodel", forPrisma6(from)] : ["--from-empty"]),
    "--to-schema-datamodel",
    forPrisma6(to),
    "--script",
  ];
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: schemaEngineStub(), PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineStub(), PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1", PRISMA6_DIFF_DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`prisma migrate diff failed:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}
