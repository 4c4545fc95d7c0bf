import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";

/** A record or page that does not exist, or that the member cannot see or change in the organisation they work in. */
export default async function NotFound() {
  const user = await requireUser({ beforeTwoFactor: true });
  return (
    <>
      <h1>Not found here</h1>
      <p>
        This page does not exist, or you cannot open it while working in <strong>{user.active.organisationName}</strong> as{" "}
        {user.active.role === "ADMIN" ? "an administrator" : user.active.role === "ANALYST" ? "an analyst" : "a viewer"}: a situation, event, source or response of
        another organisation can be seen only if it is shared with the coalition, and only analysts and administrators can record or change things.
      </p>
      {user.memberships.length > 1 && <p>If it belongs to another of your organisations, choose that organisation under &ldquo;Working in&rdquo; above.</p>}
      <p>
        <Link href="/">Go to the dashboard</Link> · <Link href="/situations">All situations</Link>
      </p>
    </>
  );
}
