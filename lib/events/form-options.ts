import "server-only";
import { db } from "@/lib/db";
import { listCountries } from "@/lib/situations/queries";

/** What the event form offers: the organisation's live situations, countries and indicators. */
export async function eventFormOptions(organisationId: string) {
  const [situations, countries, indicators] = await Promise.all([
    db.situation.findMany({ where: { organisationId, archivedAt: null }, select: { id: true, title: true, countryIso3: true }, orderBy: { title: "asc" } }),
    listCountries(),
    indicatorOptions(organisationId),
  ]);
  return { situations, countries, indicators };
}

export function indicatorOptions(organisationId: string) {
  return db.indicator.findMany({
    where: { retiredAt: null, OR: [{ organisationId: null }, { organisationId }] },
    orderBy: [{ riskFactorNumber: "asc" }, { position: "asc" }],
    select: { id: true, code: true, text: true },
  });
}
