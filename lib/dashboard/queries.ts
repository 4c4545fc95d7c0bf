import "server-only";
import { db } from "@/lib/db";
import type { CurrentMembership } from "@/lib/auth/current-user";

/** The organisation's own situations not assessed within its configured interval (or never). */
export async function findStaleAssessments(membership: CurrentMembership, now = new Date()) {
  const org = await db.organisation.findUniqueOrThrow({ where: { id: membership.organisationId }, select: { assessmentIntervalDays: true } });
  const cutoff = new Date(now.getTime() - org.assessmentIntervalDays * 86400_000);
  const rows = await db.situation.findMany({
    where: { organisationId: membership.organisationId, archivedAt: null, OR: [{ lastAssessedAt: null }, { lastAssessedAt: { lt: cutoff } }] },
    orderBy: [{ lastAssessedAt: { sort: "asc", nulls: "first" } }, { title: "asc" }],
    take: 20,
    select: { id: true, title: true, riskCategory: true, lastAssessedAt: true },
  });
  return { intervalDays: org.assessmentIntervalDays, rows };
}

const ACTION_LABELS: Record<string, string> = {
  "situation.create": "recorded situation",
  "situation.update": "edited situation",
  "situation.archive": "archived situation",
  "situation.restore": "restored situation",
  "source.create": "added source",
  "source.update": "edited source",
  "source.delete": "deleted source",
  "source.attach_file": "attached a file to source",
  "source.remove_file": "removed the file of source",
  "response.create": "recorded a response",
  "response.update": "edited a response",
  "response.delete": "deleted a response",
  "event.create": "recorded an event",
  "event.update": "edited an event",
  "event.delete": "deleted an event",
  "event_import.complete": "imported events",
  "assessment.start": "started an assessment round",
  "assessment.publish": "published an assessment round",
  "assessment.discard": "discarded a draft round",
  "assessment.rescore": "re-scored a published round",
  "externalRating.create": "recorded an external rating",
  "externalRating.update": "edited an external rating",
  "externalRating.delete": "deleted an external rating",
  "externalRating.import": "imported external ratings",
};

/** Who changed what lately in the organisation, from the audit log (sign-ins left out). */
export async function recentActivity(membership: CurrentMembership, take = 10) {
  const entries = await db.auditEntry.findMany({
    where: { organisationId: membership.organisationId, action: { in: Object.keys(ACTION_LABELS) } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    // Not the before/after documents: only what the list shows.
    select: { id: true, at: true, action: true, entityType: true, entityId: true, meta: true, user: { select: { name: true } } },
  });
  const situationIds = entries.flatMap((e) => (e.entityType === "Situation" && e.entityId ? [e.entityId] : []));
  // Records listed under their situation's title (an event or import without a situation: under none).
  const situationOf = (e: (typeof entries)[number]) =>
    e.entityType === "Response" || e.entityType === "Assessment" || e.entityType === "Event" || e.entityType === "EventImport" || e.entityType === "ExternalRating"
      ? { sid: (e.meta as { situationId?: string } | null)?.situationId }
      : null;
  const responseSituation = entries.flatMap((e) => situationOf(e)?.sid ?? []);
  const sourceIds = entries.flatMap((e) => (e.entityType === "Source" && e.entityId ? [e.entityId] : []));
  const none: { id: string; title: string }[] = [];
  const [situations, sources] = await Promise.all([
    situationIds.length + responseSituation.length ? db.situation.findMany({ where: { id: { in: [...situationIds, ...responseSituation] } }, select: { id: true, title: true } }) : none,
    sourceIds.length ? db.source.findMany({ where: { id: { in: sourceIds }, organisationId: membership.organisationId }, select: { id: true, title: true } }) : none,
  ]);
  const titles = new Map([...situations, ...sources].map((x) => [x.id, x.title]));
  return entries.map((e) => {
    const under = situationOf(e);
    const target = under ? (under.sid ?? "") : (e.entityId ?? "");
    const title = titles.get(target) || (e.entityType === "Event" || e.entityType === "EventImport" ? "in the event log" : "");
    return { id: String(e.id), at: e.at, who: e.user?.name ?? "system", what: ACTION_LABELS[e.action] ?? e.action, title, href: activityHref(e, under?.sid) };
  });
}

/** Where an activity line leads: the record's page, or its situation's tab where the record has none (or is gone). */
function activityHref(e: { entityType: string; entityId: string | null; action: string }, sid: string | undefined): string {
  switch (e.entityType) {
    case "Source":
      return `/sources/${e.entityId}`;
    case "Event":
      return e.action !== "event.delete" ? `/events/${e.entityId}` : sid ? `/situations/${sid}?tab=events` : "/events";
    case "EventImport":
      return `/events/import/${e.entityId}`;
    case "Response":
      return `/situations/${sid}?tab=responses`;
    case "ExternalRating":
      // An import spans situations: it leads to the import page.
      return sid ? `/situations/${sid}#external-ratings` : "/external-ratings/import";
    case "Assessment":
      return e.action === "assessment.discard" ? `/situations/${sid}?tab=indicators` : `/situations/${sid}/rounds/${e.entityId}`;
    default:
      return `/situations/${e.entityId}?tab=history`;
  }
}
