import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { listCountries } from "@/lib/situations/queries";
import { emptySituationInput } from "@/lib/situations/schemas";
import { SituationForm } from "@/components/situations/situation-form";
import { admin1Names } from "@/lib/events/area";

export const metadata: Metadata = { title: "New situation" };

export default async function NewSituationPage() {
  const user = await requireUser({ role: "ANALYST" });
  const countries = (await listCountries()).map((c) => ({ ...c, subdivisions: admin1Names(c.iso3) }));
  return (
    <>
      <h1>New situation</h1>
      <p className="muted">It will belong to {user.active.organisationName}.</p>
      <SituationForm mode="create" countries={countries} initial={emptySituationInput()} />
    </>
  );
}
