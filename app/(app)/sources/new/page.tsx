import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/require-user";
import { emptySourceInput } from "@/lib/sources/schemas";
import { SourceForm } from "@/components/sources/source-form";

export const metadata: Metadata = { title: "Add source" };

export default async function NewSourcePage() {
  await requireUser({ role: "ANALYST" });
  return (
    <>
      <h1>Add source</h1>
      <SourceForm mode="create" initial={emptySourceInput()} />
    </>
  );
}
