"use client";

import { useState } from "react";
import { acceptInvitationAction } from "./actions";
import { FieldError, fieldProps } from "@/components/ui/form-field";

export function AcceptInvitationForm({ token, hasAccount }: { token: string; hasAccount: boolean }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <p role="status" className="notice">
        You have joined. <a href="/signin">Sign in</a> to start.
      </p>
    );
  }
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setErrors({});
        setMessage(null);
        const res = await acceptInvitationAction({ token, password, ...(hasAccount ? {} : { name }) });
        if (res.ok) return setDone(true);
        setErrors(Object.fromEntries(Object.entries(res.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0]])));
        if (!res.fieldErrors) setMessage(res.message);
      }}
    >
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
      {!hasAccount && (
        <div className="field">
          <label htmlFor="name">Your name</label>
          <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} {...fieldProps("name", errors.name ? { message: errors.name } : undefined)} />
          <FieldError id="name" message={errors.name} />
        </div>
      )}
      <div className="field">
        <label htmlFor="password">{hasAccount ? "The password of your existing account" : "Choose a password (12 characters or more)"}</label>
        <input type="password" autoComplete={hasAccount ? "current-password" : "new-password"} value={password} onChange={(e) => setPassword(e.target.value)} {...fieldProps("password", errors.password ? { message: errors.password } : undefined)} />
        <FieldError id="password" message={errors.password} />
      </div>
      <button type="submit">{hasAccount ? "Join" : "Create my account and join"}</button>
    </form>
  );
}
