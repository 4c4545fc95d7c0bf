import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getResponse } from "@/lib/responses/queries";
import { ResponseForm } from "@/components/responses/response-form";
import { ActionButton } from "@/components/ui/action-button";
import { deleteResponseAction } from "@/app/(app)/responses/actions";
import { toResponseInput } from "@/lib/responses/schemas";

export const metadata: Metadata = { title: "Edit response" };

export default async function EditResponsePage({ params }: { params: Promise<{ id: string; rid: string }> }) {
  const { id, rid } = await params;
  const user = await requireUser();
  const r = await getResponse(user.active, rid);
  if (!r || r.situationId !== id || !hasRole(user.active.role, "ANALYST")) notFound();
  return (
    <>
      <p>
        <Link href={`/situations/${id}?tab=responses`}>← Back to {r.situation.title}</Link>
      </p>
      <h1>Edit response</h1>
      <ResponseForm
        mode="edit"
        id={r.id}
        version={r.version}
        situationId={id}
        sources={r.citations.map((c) => c.source)}
        initial={toResponseInput({ ...r, sourceIds: r.citations.map((c) => c.source.id) })}
      />
      <p>
        <ActionButton
          action={deleteResponseAction}
          input={{ id: r.id, version: r.version }}
          label="Delete response"
          busyLabel="Deleting…"
          confirm="Delete this response? It is kept in the audit log."
          then={`/situations/${id}?tab=responses`}
        />
      </p>
    </>
  );
}
