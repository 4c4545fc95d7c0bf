// E2E: one database and one production server of the app for the run.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { withDatabase } from "../../lib/database-url";
import { createPrismaClient } from "../../lib/db-client";
import { seedDemo } from "../../prisma/seed";
import { adminQuery, createTemplate } from "../support/template";
import { startTestServer } from "../support/test-server";
import { startNextApp } from "./app-process";
import { E2E_IMPORT_MAX_BYTES, E2E_UPLOAD_MAX_BYTES } from "./limits";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
    e2eUploadDir: string;
    /**
     * What every instance of the app shares (database, secret, uploads, limits): a test starts
     * another instance with it (startNextApp in ./app-process). NEXTAUTH_URL is each one's own.
     */
    e2eAppEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer("e2e");
  try {
    return await startApp(project, server);
  } catch (e) {
    await server.stop();
    throw e;
  }
}

async function startApp(project: TestProject, server: Awaited<ReturnType<typeof startTestServer>>) {
  const dbName = `aew_e2e_${process.pid}`;
  if (server.kind === "external") await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  const url = await createTemplate(server.adminUrl, dbName);
  const prisma = createPrismaClient(url, 2);
  await seedDemo(prisma);
  await prisma.$disconnect();

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = process.env.E2E_PORT ?? "3100";
  const uploadDir = mkdtempSync(path.join(tmpdir(), "aew-e2e-uploads-"));
  mkdirSync(path.join(uploadDir, "tmp"));
  const appEnv = { DATABASE_URL: withDatabase(url, dbName), NEXTAUTH_SECRET: randomBytes(32).toString("hex"), UPLOAD_DIR: uploadDir,
    IMPORT_MAX_BYTES: String(E2E_IMPORT_MAX_BYTES), UPLOAD_MAX_BYTES: String(E2E_UPLOAD_MAX_BYTES) };
  const app = await startNextApp(port, appEnv);
  const baseUrl = app.baseUrl;
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", url);
  project.provide("e2eUploadDir", uploadDir);
  project.provide("e2eAppEnv", appEnv);

  return async () => {
    await app.stop();
    if (server.kind === "external") await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await server.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  };
}
