import type { Metadata } from "next";

import { requireUser } from "@/lib/auth/require-user";
import { NotBuiltYet } from "@/components/ui/not-built-yet";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  await requireUser();
  return (
    <>
      <h1>Sources</h1>
      <NotBuiltYet>Your organisation&apos;s sources library (publisher, UN document symbol, reliability A-F and credibility 1-6 grading, attached files) and citing sources from any claim are coming in a later release.</NotBuiltYet>
    </>
  );
}
