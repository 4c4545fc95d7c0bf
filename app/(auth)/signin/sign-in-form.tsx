"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { signInSchema, type SignInInput } from "@/lib/auth/schemas";
import { FormError } from "@/components/ui/form-field";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [needCode, setNeedCode] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "", code: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (res?.error === "CODE_REQUIRED") {
      setNeedCode(true);
      return;
    }
    if (!res || res.error) {
      if (res?.error === "CODE_INVALID") setNeedCode(true);
      setFormError(signInErrorMessage(res?.error ?? ""));
      return;
    }
    // Checked again here, where the browser will follow it, against this page's own origin.
    window.location.assign(safeCallbackUrl(callbackUrl, window.location.origin));
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <div className="field">
        <label htmlFor="email">E-mail</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={errors.email ? "true" : "false"}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...register("email")}
        />
        {errors.email && (
          <p className="field-error" id="email-error">
            {errors.email.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? "true" : "false"}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
        {errors.password && (
          <p className="field-error" id="password-error">
            {errors.password.message}
          </p>
        )}
      </div>
      {needCode && (
        <div className="field">
          <label htmlFor="code">Two-factor code</label>
          <p className="muted small" id="code-hint" style={{ margin: "0 0 0.3rem" }}>
            Enter the 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
          <input id="code" inputMode="numeric" autoComplete="one-time-code" autoFocus aria-describedby="code-hint" {...register("code")} />
        </div>
      )}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
