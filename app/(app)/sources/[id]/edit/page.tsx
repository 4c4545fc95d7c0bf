import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { canChangeSource } from "@/lib/access/sources";
import { getSource } from "@/lib/sources/queries";
import { SourceForm } from "@/components/sources/source-form";
import { toSourceInput } from "@/lib/sources/schemas";

export const metadata: Metadata = { title: "Edit source" };

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const s = await getSource(user.active.organisationId, id);
  if (!s || !canChangeSource(user.active, s)) notFound();
  return (
    <>
      <p>
        <Link href={`/sources/${s.id}`}>← Back to the source</Link>
      </p>
      <h1>Edit source</h1>
      <SourceForm
        mode="edit"
        id={s.id}
        version={s.version}
        initial={toSourceInput(s)}
      />
    </>
  );
}
