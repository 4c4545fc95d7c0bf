import type { Metadata } from "next";

import { requireUser } from "@/lib/auth/require-user";
import { NotBuiltYet } from "@/components/ui/not-built-yet";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  await requireUser();
  return (
    <>
      <h1>Exports</h1>
      <NotBuiltYet>PDF country briefs, CSV and Excel exports of every list, and a full JSON backup of your organisation&apos;s data are coming in a later release.</NotBuiltYet>
    </>
  );
}
