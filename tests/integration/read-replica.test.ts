// The read replica (issue #30): with DATABASE_REPLICA_URL set, the heavy reads (lists, exports, the
// partner API) come from a streaming replica, a user's own next page after a write comes from the
// primary until the replica has replayed it, and a replica that cannot be reached leaves the reads
// on the primary. The replica tests need a real standby: CI makes one of Debian's PostgreSQL with
// pg_basebackup (.ci/pg-replica) and passes its URL as TEST_PG_REPLICA_URL; they are skipped
// without it. Replay is paused on the standby to tell which server answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import pg from "pg";
import { db } from "@/lib/db";
import { withDatabase } from "@/lib/database-url";
import { readsFromReplica, OWN_WRITE_COOKIE } from "@/lib/db-replica";
import { listSituations } from "@/lib/situations/queries";
import { listSources } from "@/lib/sources/queries";
import { listEvents } from "@/lib/events/queries";
import { listAudit } from "@/lib/audit/queries";
import { listSituationsApi } from "@/lib/api/v1/queries";
import { dashboardOverview } from "@/lib/dashboard/overview";
import { listedSignals } from "@/lib/signals/queries";
import { emptySituationInput } from "@/lib/situations/schemas";
import { createSituationAction } from "@/app/(app)/situations/actions";
import { GET as exportList } from "@/app/api/exports/[entity]/route";
import { testCookies } from "../support/request-context";
import { actAs, createMember, createOrganisation, createSituation, ok, uid } from "../support/fixtures";
import type { CurrentMembership } from "@/lib/auth/current-user";

const replicaAdminUrl = process.env.TEST_PG_REPLICA_URL;
const dbName = process.env.TEST_DATABASE_NAME!;

type ReplicaGlobal = { replica?: unknown };
/** Forgets the replica clients and checks made so far (a new URL takes effect). */
const forgetReplica = () => void ((globalThis as ReplicaGlobal).replica = undefined);

async function csvOf(entity: string) {
  const res = await exportList(new NextRequest(`http://localhost/api/exports/${entity}?format=csv`), { params: Promise.resolve({ entity }) });
  expect(res.status).toBe(200);
  return res.text();
}

describe("a replica that cannot be reached", () => {
  const saved = process.env.DATABASE_REPLICA_URL;
  afterAll(() => {
    if (saved === undefined) delete process.env.DATABASE_REPLICA_URL;
    else process.env.DATABASE_REPLICA_URL = saved;
    forgetReplica();
  });

  it("leaves the reads on the primary: the list shows what was just written, and the log says why once", async () => {
    const org = await createOrganisation();
    const analyst = await createMember(org.id, "ANALYST");
    await actAs(analyst);
    const title = uid("Reachable ");
    await createSituation(org.id, analyst.id, { title });
    process.env.DATABASE_REPLICA_URL = "postgresql://postgres:nothing@127.0.0.1:1/nothing";
    forgetReplica();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => void warnings.push(m);
    try {
      expect(await readsFromReplica()).toBe(false);
      const membership = { organisationId: org.id, organisationName: org.name } as CurrentMembership;
      const list = await listSituations(membership, {});
      expect(list.rows.map((r) => r.title)).toContain(title);
      await listSituations(membership, {});
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes("read replica cannot be reached"))).toHaveLength(1);
  });
});

describe.skipIf(!replicaAdminUrl)("heavy reads on a streaming replica", () => {
  let standby: pg.Client;
  let membership: CurrentMembership;
  let analyst: { id: string };
  let org: { id: string; name: string };

  /** Waits until the standby has replayed everything the primary has written so far. */
  async function caughtUp() {
    const [{ lsn }] = await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    for (let i = 0; i < 200; i++) {
      const r = await standby.query("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [lsn]);
      if (r.rows[0].done) return;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error("the replica did not catch up within 10 s");
  }

  beforeAll(async () => {
    // The file's database was created on the primary: wait until the standby has it too.
    const admin = new pg.Client({ connectionString: replicaAdminUrl });
    await admin.connect();
    for (let i = 0; i < 200; i++) {
      const r = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
      if (r.rowCount) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    await admin.end();
    standby = new pg.Client({ connectionString: withDatabase(replicaAdminUrl!, dbName) });
    await standby.connect();
    expect((await standby.query("SELECT pg_is_in_recovery() AS r")).rows[0].r).toBe(true);
    process.env.DATABASE_REPLICA_URL = withDatabase(replicaAdminUrl!, dbName);
    forgetReplica();

    org = await createOrganisation();
    analyst = await createMember(org.id, "ANALYST");
    membership = { organisationId: org.id, organisationName: org.name } as CurrentMembership;
    await createSituation(org.id, analyst.id, { title: uid("Before ") });
    await caughtUp();
  });

  afterAll(async () => {
    await standby?.query("SELECT pg_wal_replay_resume()").catch(() => {});
    await standby?.end();
    delete process.env.DATABASE_REPLICA_URL;
    forgetReplica();
  });

  it("the dashboard, lists, exports and the partner API read from the replica: a record the replica has not replayed is not there yet", async () => {
    await actAs(analyst);
    await standby.query("SELECT pg_wal_replay_pause()");
    try {
      const title = uid("Unreplayed ");
      await createSituation(org.id, analyst.id, { title }); // written on the primary, not by this user's request
      expect(await readsFromReplica()).toBe(true);
      expect((await listSituations(membership, {})).rows.map((r) => r.title)).not.toContain(title);
      expect((await listSituationsApi(membership, {})).data.map((s) => s.title)).not.toContain(title);
      expect(await csvOf("situations")).not.toContain(title);
      expect((await dashboardOverview(membership, 30)).situations.map((s) => s.title)).not.toContain(title);
      // The other lists and the raw-SQL export read there too (they answer from the standby without error).
      await listSources(org.id, {});
      await listEvents(membership, {});
      await listAudit(org.id, {});
      await listedSignals(membership);
      await csvOf("events");
      // The primary has it: only the routing hid it.
      expect(await db.situation.count({ where: { title } })).toBe(1);
    } finally {
      await standby.query("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    expect((await listSituations(membership, {})).rows.length).toBe(2);
  });

  it("a user's own next page after a write reads from the primary until the replica has replayed it", async () => {
    await actAs(analyst);
    await standby.query("SELECT pg_wal_replay_pause()");
    let title: string;
    try {
      title = uid("Mine ");
      await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title }));
      expect(testCookies.get(OWN_WRITE_COOKIE)?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(await readsFromReplica()).toBe(false);
      expect((await listSituations(membership, {})).rows.map((r) => r.title)).toContain(title);
      expect(await csvOf("situations")).toContain(title);
      // Another user (no write of theirs pending) still reads from the replica, which lacks it.
      await actAs(await createMember(org.id, "VIEWER"));
      expect(await readsFromReplica()).toBe(true);
      expect((await listSituations(membership, {})).rows.map((r) => r.title)).not.toContain(title);
    } finally {
      await standby.query("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    await actAs(analyst);
    await ok(createSituationAction({ ...emptySituationInput(), countryIso3: "SDN", title: uid("Later ") }));
    await caughtUp();
    // Replayed: back on the replica, and the list holds what the user wrote.
    expect(await readsFromReplica()).toBe(true);
    expect((await listSituations(membership, {})).rows.map((r) => r.title)).toContain(title);
  });

  it("a cookie that is not a WAL position keeps that user's reads on the primary", async () => {
    testCookies.set(OWN_WRITE_COOKIE, "'; SELECT 1; --");
    expect(await readsFromReplica()).toBe(false);
    testCookies.delete(OWN_WRITE_COOKIE);
    expect(await readsFromReplica()).toBe(true);
  });
});
