// `prisma generate` offline: every Prisma 7 CLI command first tries to download the
// schema-engine binary, which this project never needs (migrations are applied by
// scripts/db-migrate.ts). Point PRISMA_SCHEMA_ENGINE_BINARY at a stub that says so.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export function schemaEngineStub(): string {
  const dir = path.resolve("node_modules/.cache/schema-engine-stub");
  const stub = path.join(dir, "schema-engine");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    stub,
    '#!/bin/sh\necho "The Prisma schema engine is not used by this project: apply migrations with npm run db:migrate, write them with npm run db:diff." >&2\nexit 1\n',
  );
  chmodSync(stub, 0o755);
  return stub;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("scripts", "generate.ts"));
if (isMain) {
  const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], {
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? schemaEngineStub(),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  process.exit(result.status ?? 1);
}
