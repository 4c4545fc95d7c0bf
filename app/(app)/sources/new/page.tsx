import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { emptySourceInput } from "@/lib/sources/schemas";
import { SourceForm } from "@/components/sources/source-form";

export const metadata: Metadata = { title: "Add source" };

export default async function NewSourcePage() {
  const user = await requireUser();
  if (!hasRole(user.active.role, "ANALYST")) notFound();
  return (
    <>
      <h1>Add source</h1>
      <SourceForm mode="create" initial={emptySourceInput()} />
    </>
  );
}
