// npm run setup: local secrets, the embedded database (unless DATABASE_URL is set),
// migrations, reference data and demo data. Safe to run again.
// For a real deployment: npm run setup -- --no-demo --organisation "Name" --admin-email a@b.org
// (no demo data; the first organisation and a single-use link for its first administrator;
// --no-two-factor to leave two-factor sign-in optional; --secretariat to make it the coalition's
// secretariat, which creates the member organisations in the app).
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db-client";
import { firstRun } from "../lib/admin/first-run";
import { openDatabase } from "./lib/database";
import { ensureLocalSecrets } from "./lib/local-env";
import { migrate } from "./lib/migrate";

const FIRST_RUN = 'npm run setup -- --no-demo --organisation "Name" --admin-email a@b.org [--no-two-factor] [--secretariat]';
const USAGE = `Usage: npm run setup (the demo), or ${FIRST_RUN}`;

async function main() {
  const { values: args } = parseArgs({
    options: { "no-demo": { type: "boolean" }, organisation: { type: "string" }, "admin-email": { type: "string" }, "no-two-factor": { type: "boolean" }, secretariat: { type: "boolean" } },
  });
  const demo = !args["no-demo"];
  if (demo && (args.organisation || args["admin-email"])) throw new Error(`The first organisation is made without demo data: add --no-demo.\n${USAGE}`);
  if (!!args.organisation !== !!args["admin-email"]) throw new Error(`Give both --organisation and --admin-email.\n${USAGE}`);
  if (args.secretariat && !args.organisation) throw new Error(`--secretariat makes the first organisation the coalition's secretariat: give it with --organisation and --admin-email.\n${USAGE}`);
  const added = await ensureLocalSecrets();
  if (added.length) console.log(`Created .env.local with ${added.join(", ")}.`);
  const db = await openDatabase();
  try {
    console.log(process.env.DATABASE_URL ? "Using the PostgreSQL server in DATABASE_URL." : "Embedded PostgreSQL is running (data in .data/postgres).");
    const result = await migrate(db.url, { log: (l) => console.log(l) });
    for (const w of result.warnings) console.warn(`Warning: ${w}`);
    console.log(`Migrations: ${result.applied.length} applied, ${result.alreadyApplied} already there.`);
    const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts", ...(demo ? [] : ["--reference-only"])], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: db.url },
    });
    if (seed.status !== 0) throw new Error("Seeding failed.");
    if (!demo) await firstOrganisation(db.url, args.organisation, args["admin-email"], !args["no-two-factor"], !!args.secretariat);
  } finally {
    await db.stop();
  }
}

/** The first organisation and its first administrator's link, or how to make them. */
async function firstOrganisation(url: string, organisation: string | undefined, email: string | undefined, requireTwoFactor: boolean, secretariat: boolean) {
  const prisma = createPrismaClient(url, 1);
  try {
    if (!organisation || !email) {
      const count = await prisma.organisation.count({ where: { isDemo: false } });
      console.log(
        count
          ? `\n${count === 1 ? "1 organisation is" : `${count} organisations are`} set up. Its administrators invite members from the Admin page.`
          : `\nNo organisation yet. Create the first one and invite its administrator:\n  ${FIRST_RUN}`,
      );
      return;
    }
    const r = await firstRun(prisma, { organisation, email, requireTwoFactor, secretariat }, process.env.NEXTAUTH_URL ?? "http://localhost:3000");
    if (!r.ok) throw new Error(r.message);
    const isSecretariat = (await prisma.organisation.findUniqueOrThrow({ where: { id: r.organisationId }, select: { isSecretariat: true } })).isSecretariat;
    console.log(`\n${r.organisationCreated ? "Created" : "Found"} the organisation "${organisation}"${isSecretariat ? ", the coalition's secretariat" : ""}${requireTwoFactor ? " (two-factor sign-in required)" : ""}.`);
    if (isSecretariat) console.log("Its administrators create the coalition's member organisations, and invite their first administrators, on the Coalition page.");
    console.log(`Send this single-use link to ${email.trim().toLowerCase()}, the first administrator (valid 7 days; running this again replaces it):\n  ${r.link}`);
    if (/^https?:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(process.env.NEXTAUTH_URL ?? "http://localhost:3000")) {
      console.warn("Warning: this link starts with a local address because NEXTAUTH_URL is not set to the address people will use. Set NEXTAUTH_URL in .env.local (for example https://tracker.your.org), then run this command again for a link that works for them.");
    }
    console.log("They open it, choose their name and password, sign in and accept; then they set up two-factor sign-in and invite their colleagues.");
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
