import type { Metadata } from "next";

import { requireUser } from "@/lib/auth/require-user";
import { NotBuiltYet } from "@/components/ui/not-built-yet";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage() {
  await requireUser();
  return (
    <>
      <h1>Events</h1>
      <NotBuiltYet>The event log, with filters, a map and import of ACLED or other CSV files, is coming in a later release.</NotBuiltYet>
    </>
  );
}
