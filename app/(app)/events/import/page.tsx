import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db";
import { maxImportBytes } from "@/lib/uploads/limits";
import { ImportUpload } from "@/components/events/import-upload";

export const metadata: Metadata = { title: "Import events" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ situation?: string }> }) {
  const { situation } = await searchParams;
  const user = await requireUser({ role: "ANALYST" });
  const situations = await db.situation.findMany({ where: { organisationId: user.active.organisationId, archivedAt: null }, select: { id: true, title: true }, orderBy: { title: "asc" } });
  return (
    <>
      <p>
        <Link href="/events">← Back to the events</Link>
      </p>
      <h1>Import events from a CSV file</h1>
      <p className="muted">
        An ACLED export works as it is; any other CSV works through choosing its columns. You will see the first rows as they will be
        stored and every problem (row, column, what is wrong) before anything is imported. Importing a file again updates the events it
        changes instead of adding them twice, and leaves the others as they are.
      </p>
      <ImportUpload situations={situations} preset={situations.some((s) => s.id === situation) ? situation! : ""} maxBytes={maxImportBytes()} />
    </>
  );
}
