import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeSituation } from "@/lib/access/situations";
import { getSituation, listCountries } from "@/lib/situations/queries";
import { toSituationInput } from "@/lib/situations/schemas";
import { SituationForm } from "@/components/situations/situation-form";
import { admin1Names } from "@/lib/events/area";

export const metadata: Metadata = { title: "Edit situation" };

export default async function EditSituationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const s = await getSituation(user.active, id);
  if (!s || s.archivedAt || !canChangeSituation(user.active, s)) notFound();
  const initial = toSituationInput({ ...s, crimes: s.crimes.map((c) => ({ ...c, sourceIds: c.citations.map((x) => x.source.id) })) });
  return (
    <>
      <p>
        <Link href={`/situations/${s.id}`}>← Back to the situation</Link>
      </p>
      <h1>Edit: {s.title}</h1>
      <SituationForm
        mode="edit"
        countries={(await listCountries()).map((c) => ({ ...c, subdivisions: admin1Names(c.iso3) }))}
        initial={initial}
        id={s.id}
        version={s.version}
        sources={s.crimes.flatMap((c) => c.citations.map((x) => x.source))}
      />
    </>
  );
}
