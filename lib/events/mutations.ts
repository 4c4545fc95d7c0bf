import "server-only";
import { db, type Tx } from "@/lib/db";
import { valuesBefore, writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/action";
import type { CurrentMembership } from "@/lib/auth/current-user";
import { ActionError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { ownSituation } from "@/lib/situations/ownership";
import { assertOwnSources } from "@/lib/sources/mutations";
import { syncCitations } from "@/lib/sources/citations";
import { toEventInput, type EventInput } from "./schemas";
import { staleSave } from "@/lib/audit/stale-save";
import { canChangeEvent, eventVisibleWhere } from "@/lib/access/events";
import { indicatorCatalogueWhere } from "@/lib/access/indicators";
import { raiseSignalAlerts } from "@/lib/signals/raise";
import { emailAlertsLater } from "@/lib/alerts/email";

function data(input: EventInput) {
  return {
    situationId: input.situationId || null,
    eventDate: new Date(input.eventDate),
    eventType: input.eventType,
    subEventType: input.subEventType || null,
    actor1: input.actor1 || null,
    actor2: input.actor2 || null,
    fatalities: input.fatalities,
    civilianTargeting: input.civilianTargeting,
    countryIso3: input.countryIso3 || null,
    admin1: input.admin1 || null,
    admin2: input.admin2 || null,
    admin3: input.admin3 || null,
    location: input.location || null,
    latitude: input.latitude || null,
    longitude: input.longitude || null,
    notes: input.notes,
    crimes: input.crimes,
  };
}
const audited = (input: EventInput) => ({ ...input, indicatorIds: [...new Set(input.indicatorIds)].sort(), sourceIds: [...new Set(input.sourceIds)].sort() });

async function checkLinks(tx: Tx, membership: CurrentMembership, input: EventInput) {
  if (input.situationId) await ownSituation(tx, membership, input.situationId);
  if (input.countryIso3 && !(await tx.country.findUnique({ where: { iso3: input.countryIso3 } }))) {
    throw new ActionError("Some fields need attention.", "INVALID", { countryIso3: ["Choose a country from the list."] });
  }
  const ids = [...new Set(input.indicatorIds)];
  if (ids.length) {
    const n = await tx.indicator.count({ where: { id: { in: ids }, ...indicatorCatalogueWhere(membership) } });
    if (n !== ids.length) throw new ActionError("Some fields need attention.", "INVALID", { indicatorIds: ["A linked indicator is not in your organisation's catalogue."] });
  }
  await assertOwnSources(tx, membership.organisationId, input.sourceIds, "sourceIds");
}

export async function createEvent({ user, membership }: Actor, input: EventInput) {
  const { alertIds, ...result } = await db.$transaction(async (tx) => {
    await checkLinks(tx, membership, input);
    const e = await tx.event.create({
      data: {
        ...data(input),
        organisationId: membership.organisationId,
        createdById: user.id,
        indicators: { create: [...new Set(input.indicatorIds)].map((indicatorId) => ({ indicatorId })) },
        citations: { create: [...new Set(input.sourceIds)].map((sourceId) => ({ sourceId, createdById: user.id })) },
      },
    });
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "event.create", entityType: "Event", entityId: e.id, after: audited(input), meta: { situationId: e.situationId } });
    const alertIds = await raiseSignalAlerts(tx, [e.situationId], user.id);
    return { id: e.id, situationId: e.situationId, version: e.version, alertIds };
  });
  emailAlertsLater(alertIds);
  return result;
}

async function loadOwned(tx: Tx, membership: CurrentMembership, id: string) {
  const e = await tx.event.findFirst({ where: { id, ...eventVisibleWhere(membership) }, include: { citations: { select: { sourceId: true } }, indicators: { select: { indicatorId: true } } } });
  if (!e) throw new NotFoundError("This event does not exist, or you cannot see it.");
  if (!canChangeEvent(membership, e)) throw new ForbiddenError("This event belongs to another organisation: you can read it but not change it.");
  return e;
}

export async function updateEvent({ user, membership }: Actor, ref: { id: string; version: number; data: EventInput }) {
  const { alertIds, ...result } = await db.$transaction(async (tx) => {
    const current = await loadOwned(tx, membership, ref.id);
    await checkLinks(tx, membership, ref.data);
    const res = await tx.event.updateMany({ where: { id: ref.id, version: ref.version, deletedAt: null }, data: { ...data(ref.data), version: { increment: 1 } } });
    if (res.count !== 1) {
      // What is saved now, so the form can show it beside what was typed (which it keeps).
      const saved = await loadOwned(tx, membership, ref.id);
      throw await staleSave(tx, "Event", saved, toEventInput({ ...saved, indicatorIds: saved.indicators.map((i) => i.indicatorId), sourceIds: saved.citations.map((c) => c.sourceId) }));
    }
    await syncCitations(tx, { eventId: ref.id }, ref.data.sourceIds, user.id);
    const wanted = [...new Set(ref.data.indicatorIds)];
    await tx.eventIndicator.deleteMany({ where: { eventId: ref.id, indicatorId: { notIn: wanted } } });
    await tx.eventIndicator.createMany({ data: wanted.map((indicatorId) => ({ eventId: ref.id, indicatorId })), skipDuplicates: true });
    const before = {
      ...valuesBefore(
        { ...current, eventDate: current.eventDate.toISOString().slice(0, 10), latitude: current.latitude?.toString() ?? "", longitude: current.longitude?.toString() ?? "" },
        ref.data,
      ),
      indicatorIds: current.indicators.map((i) => i.indicatorId).sort(),
      sourceIds: current.citations.map((c) => c.sourceId).sort(),
    };
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "event.update", entityType: "Event", entityId: ref.id, before, after: audited(ref.data), meta: { situationId: ref.data.situationId || null } });
    const alertIds = await raiseSignalAlerts(tx, [ref.data.situationId || null], user.id);
    return { id: ref.id, situationId: ref.data.situationId || null, version: ref.version + 1, alertIds };
  });
  emailAlertsLater(alertIds);
  return result;
}

export async function deleteEvent({ user, membership }: Actor, ref: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const current = await loadOwned(tx, membership, ref.id);
    const res = await tx.event.updateMany({ where: { id: ref.id, version: ref.version, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    if (res.count !== 1) throw new ConflictError("Someone changed this event after you opened it. Reload the page and try again.");
    await writeAudit(tx, { userId: user.id, organisationId: membership.organisationId, action: "event.delete", entityType: "Event", entityId: ref.id, before: { deleted: false, eventDate: current.eventDate.toISOString().slice(0, 10), eventType: current.eventType }, after: { deleted: true }, meta: { situationId: current.situationId } });
    return { id: ref.id, situationId: current.situationId };
  });
}
