import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeSituation } from "@/lib/access/situations";
import { getSituation } from "@/lib/situations/queries";
import { emptyExternalRatingInput } from "@/lib/external-ratings/schemas";
import { ExternalRatingForm } from "@/components/external-ratings/external-rating-form";

export const metadata: Metadata = { title: "Record an external rating" };

export default async function NewExternalRatingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser({ role: "ANALYST" });
  const s = await getSituation(user.active, id);
  if (!s || s.archivedAt || !canChangeSituation(user.active, s)) notFound();
  return (
    <>
      <p>
        <Link href={`/situations/${s.id}#external-ratings`}>← Back to {s.title}</Link>
      </p>
      <h1>Record an external rating: {s.title}</h1>
      <p className="muted">Another body&apos;s published rating of this situation, recorded beside our own judgement with its source and date.</p>
      <ExternalRatingForm mode="create" situationId={s.id} initial={emptyExternalRatingInput()} />
    </>
  );
}
