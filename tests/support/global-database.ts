import type { TestProject } from "vitest/node";
import { adminQuery, createTemplate } from "./template";
import { startTestServer } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    serverKind: "embedded" | "external";
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer("integration");
  const templateDb = `aew_template_${process.pid}`;
  await createTemplate(server.adminUrl, templateDb);
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDb", templateDb);
  project.provide("serverKind", server.kind);
  return async () => {
    if (server.kind === "external") {
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`).catch(() => {});
    }
    await server.stop();
  };
}
