import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { createOrganisation, createUser } from "../support/fixtures";

describe("the audit log", () => {
  it("stores who, when, what, before and after", async () => {
    const org = await createOrganisation();
    const user = await createUser();
    await writeAudit(db, { userId: user.id, organisationId: org.id, action: "situation.update", entityType: "Situation", entityId: "s1", before: { riskCategory: "MONITORING" }, after: { riskCategory: "IMMINENT_RISK" } });
    const row = await db.auditEntry.findFirstOrThrow({ where: { entityId: "s1" } });
    expect(row).toMatchObject({ userId: user.id, organisationId: org.id, action: "situation.update", before: { riskCategory: "MONITORING" }, after: { riskCategory: "IMMINENT_RISK" } });
    expect(row.at).toBeInstanceOf(Date);
  });

  it("is append-only: the database refuses updates and deletes", async () => {
    await writeAudit(db, { userId: null, organisationId: null, action: "test.entry", entityType: "Test", entityId: "a1" });
    await expect(db.auditEntry.updateMany({ where: { entityId: "a1" }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.deleteMany({ where: { entityId: "a1" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count({ where: { entityId: "a1", action: "test.entry" } })).toBe(1);
  });

  it("is written in the same transaction as the change: a failed change leaves no entry", async () => {
    const org = await createOrganisation();
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, { userId: null, organisationId: org.id, action: "org.rename", entityType: "Organisation", entityId: org.id });
        await tx.organisation.update({ where: { id: org.id }, data: { name: "x" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.auditEntry.count({ where: { action: "org.rename" } })).toBe(0);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(org.name);
  });
});

describe("database constraints", () => {
  it("a citation must point at exactly one claim", async () => {
    const org = await createOrganisation();
    const user = await createUser();
    const source = await db.source.create({ data: { organisationId: org.id, title: "A report", createdById: user.id } });
    await expect(db.citation.create({ data: { sourceId: source.id, createdById: user.id } })).rejects.toThrow();
  });

  it("credibility stays within 1-6 and fatalities are never negative", async () => {
    const org = await createOrganisation();
    const user = await createUser();
    await expect(db.source.create({ data: { organisationId: org.id, title: "Bad", credibility: 7, createdById: user.id } })).rejects.toThrow();
    await expect(
      db.event.create({ data: { organisationId: org.id, eventDate: new Date("2026-01-01"), eventType: "Battles", fatalities: -1, createdById: user.id } }),
    ).rejects.toThrow();
  });
});
