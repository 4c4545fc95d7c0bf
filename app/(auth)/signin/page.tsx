import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { appUrl } from "@/lib/mail";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl, appUrl());
  if (await getCurrentUser()) redirect(target);
  return (
    <main className="auth-page">
      <div className="auth-box">
        <h1>Sign in</h1>
        <p className="muted">Atrocity Early Warning: case tracker for coalition analysts.</p>
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
