import type { Metadata } from "next";

import { requireUser } from "@/lib/auth/require-user";
import { NotBuiltYet } from "@/components/ui/not-built-yet";

export const metadata: Metadata = { title: "Responses" };

export default async function ResponsesPage() {
  await requireUser();
  return (
    <>
      <h1>Responses</h1>
      <NotBuiltYet>Recording what was done under the three pillars (the State&apos;s own, international assistance, and timely and decisive collective response including the Security Council), with a timeline per situation and response-gap alerts, is coming in a later release.</NotBuiltYet>
    </>
  );
}
