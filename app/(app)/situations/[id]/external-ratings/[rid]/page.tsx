import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/access/can";
import { getExternalRating } from "@/lib/external-ratings/queries";
import { SYSTEM_SHORT_LABELS, toExternalRatingInput, type ExternalSystem } from "@/lib/external-ratings/schemas";
import { ExternalRatingForm } from "@/components/external-ratings/external-rating-form";

export const metadata: Metadata = { title: "Edit an external rating" };

/** Editing one rating: for analysts and administrators of the organisation that recorded it; everyone else reads it on the situation page. */
export default async function ExternalRatingPage({ params }: { params: Promise<{ id: string; rid: string }> }) {
  const { id, rid } = await params;
  const user = await requireUser({ role: "ANALYST" });
  const r = await getExternalRating(user.active, rid);
  if (!r || r.situationId !== id || !can.changeExternalRating(user.active, r)) notFound();
  return (
    <>
      <p>
        <Link href={`/situations/${id}#external-ratings`}>← Back to {r.situation.title}</Link>
      </p>
      <h1>Edit the {SYSTEM_SHORT_LABELS[r.system as ExternalSystem] ?? r.system} rating: {r.situation.title}</h1>
      <ExternalRatingForm mode="edit" situationId={id} id={r.id} version={r.updatedAt.toISOString()} initial={toExternalRatingInput(r)} />
    </>
  );
}
