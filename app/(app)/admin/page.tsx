import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";
import { NotBuiltYet } from "@/components/ui/not-built-yet";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await requireUser();
  if (user.active.role !== "ADMIN") notFound();
  return (
    <>
      <h1>Admin</h1>
      <NotBuiltYet>Inviting members, changing roles, deactivating accounts, two-factor sign-in and the audit log viewer are coming in a later release.</NotBuiltYet>
    </>
  );
}
