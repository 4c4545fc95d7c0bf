// E2E: one database and one production server of the app for the run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { TestProject } from "vitest/node";
import { withDatabase } from "../../lib/database-url";
import { createPrismaClient } from "../../lib/db-client";
import { seedDemo } from "../../prisma/seed";
import { adminQuery, createTemplate } from "../support/template";
import { startTestServer } from "../support/test-server";
import { E2E_IMPORT_MAX_BYTES, E2E_UPLOAD_MAX_BYTES } from "./limits";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
    e2eUploadDir: string;
  }
}

async function waitFor(url: string, ms: number, child: ChildProcess) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} before it was ready.`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app did not answer on ${url} within ${ms} ms.`);
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
  const baseUrl = `http://localhost:${port}`;
  // As `npm start` runs it: the connection's address reaches the app (scripts/socket-address.mjs).
  const preload = pathToFileURL(path.resolve("scripts/socket-address.mjs")).href;
  const app = spawn(process.execPath, ["--import", preload, nextBin, "start", "-p", port], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, DATABASE_URL: withDatabase(url, dbName), NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      UPLOAD_DIR: uploadDir, IMPORT_MAX_BYTES: String(E2E_IMPORT_MAX_BYTES), UPLOAD_MAX_BYTES: String(E2E_UPLOAD_MAX_BYTES) },
  });
  try {
    await waitFor(`${baseUrl}/signin`, 60_000, app);
  } catch (e) {
    app.kill("SIGTERM");
    throw e;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", url);
  project.provide("e2eUploadDir", uploadDir);

  return async () => {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode !== null ? r(null) : app.once("exit", r)));
    if (server.kind === "external") await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await server.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  };
}
