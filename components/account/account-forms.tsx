"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { changePasswordAction, confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/app/(app)/account/actions";
import { changePasswordSchema } from "@/lib/account/password-policy";
import { FieldError, fieldProps } from "@/components/ui/form-field";

type PasswordInput = z.infer<typeof changePasswordSchema>;

export function ChangePasswordForm() {
  const [status, setStatus] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<PasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: { currentPassword: "", newPassword: "", confirm: "" } });
  const { errors } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const res = await changePasswordAction(values);
    if (!res.ok) {
      for (const [f, m] of Object.entries(res.fieldErrors ?? {})) if (m?.[0]) setError(f as keyof PasswordInput, { message: m[0] });
      if (!res.fieldErrors) setStatus(res.message);
      return;
    }
    reset();
    setStatus("Your password is changed. Your other sessions have been signed out.");
  });
  const input = (name: keyof PasswordInput, label: string, auto: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input type="password" autoComplete={auto} {...fieldProps(name, errors[name])} {...register(name)} />
      <FieldError id={name} message={errors[name]?.message} />
    </div>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="panel" style={{ maxWidth: "34rem" }}>
      <h2 style={{ marginTop: 0 }}>Password</h2>
      {input("currentPassword", "Current password", "current-password")}
      {input("newPassword", "New password (12 characters or more)", "new-password")}
      {input("confirm", "New password again", "new-password")}
      <button type="submit" disabled={formState.isSubmitting}>
        Change password
      </button>{" "}
      <span role="status">{status}</span>
    </form>
  );
}

export function TwoFactorSetup() {
  const router = useRouter();
  const [step, setStep] = useState<{ qr: string; secret: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  if (codes) {
    return (
      <div className="notice" role="status">
        <p>
          <strong>Two-factor sign-in is on.</strong> Keep these recovery codes somewhere safe, away from your phone: each lets you sign in once if
          you lose it. They are shown only now.
        </p>
        <ul className="recovery-codes" aria-label="Recovery codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => router.refresh()}>
          I have saved them
        </button>
      </div>
    );
  }
  if (!step) {
    return (
      <button
        type="button"
        onClick={async () => {
          const res = await startTwoFactorAction({ start: true });
          if (res.ok) setStep(res.data);
          else setError(res.message);
        }}
      >
        Set up two-factor sign-in
      </button>
    );
  }
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await confirmTwoFactorAction({ code });
        if (res.ok) setCodes(res.data.recoveryCodes);
        else setError(res.fieldErrors?.code?.[0] ?? res.message);
      }}
    >
      <p>1. Scan this code with an authenticator app (for example FreeOTP, Aegis, Google Authenticator or 1Password).</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
      <img src={step.qr} alt="QR code to add this account to an authenticator app" width={220} height={220} />
      <p>
        Or type this key into the app: <code data-testid="totp-secret">{step.secret}</code>
      </p>
      <div className="field" style={{ maxWidth: "16rem" }}>
        <label htmlFor="totp-code">2. Enter the 6-digit code the app shows</label>
        <input inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} {...fieldProps("totp-code", error ? { message: error } : undefined)} />
        <FieldError id="totp-code" message={error} />
      </div>
      <button type="submit">Turn on two-factor sign-in</button>
    </form>
  );
}

export function DisableTwoFactor() {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await disableTwoFactorAction({ password });
        if (res.ok) router.refresh();
        else setError(res.fieldErrors?.password?.[0] ?? res.message);
      }}
    >
      <div className="field" style={{ maxWidth: "20rem" }}>
        <label htmlFor="disable-password">Your password, to turn two-factor sign-in off</label>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} {...fieldProps("disable-password", error ? { message: error } : undefined)} />
        <FieldError id="disable-password" message={error} />
      </div>
      <button type="submit" className="secondary">
        Turn off two-factor sign-in
      </button>
    </form>
  );
}
