import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeSituation } from "@/lib/access/situations";
import { getSituation } from "@/lib/situations/queries";
import { emptyResponseInput } from "@/lib/responses/schemas";
import { ResponseForm } from "@/components/responses/response-form";

export const metadata: Metadata = { title: "Record a response" };

export default async function NewResponsePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const s = await getSituation(user.active, id);
  if (!s || s.archivedAt || !canChangeSituation(user.active, s)) notFound();
  return (
    <>
      <p>
        <Link href={`/situations/${s.id}?tab=responses`}>← Back to {s.title}</Link>
      </p>
      <h1>Record a response: {s.title}</h1>
      <ResponseForm mode="create" situationId={s.id} initial={emptyResponseInput()} sources={[]} />
    </>
  );
}
