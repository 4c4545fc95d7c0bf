"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { switchOrganisationAction } from "@/app/(app)/actions";
import { FieldError, FormError, fieldProps } from "@/components/ui/form-field";
import { acceptInvitationAction, createInvitedAccountAction } from "./actions";
import { invitedAccountSchema, type InvitedAccountInput } from "./schemas";

/** The new-account path. Its answer is the same whether or not the address had an account. */
export function NewAccountForm({ token, signInHref }: { token: string; signInHref: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [nextStep, setNextStep] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<InvitedAccountInput>({ resolver: zodResolver(invitedAccountSchema), defaultValues: { token, name: "", password: "" } });

  if (nextStep) {
    return (
      <div role="status" className="notice">
        <p>{nextStep}</p>
        <p>
          <a href={signInHref}>Sign in to accept the invitation</a>.
        </p>
      </div>
    );
  }
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setFormError(null);
        const res = await createInvitedAccountAction(values);
        if (res.ok) return setNextStep(res.data.message);
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) {
          if (field === "name" || field === "password") setError(field, { message: messages?.[0] });
        }
        if (!res.fieldErrors) setFormError(res.message);
      })}
    >
      <FormError message={formError} />
      <div className="field">
        <label htmlFor="name">Your name</label>
        <input autoComplete="name" {...fieldProps("name", errors.name)} {...register("name")} />
        <FieldError id="name" message={errors.name?.message} />
      </div>
      <div className="field">
        <label htmlFor="password">Choose a password (12 characters or more)</label>
        <input type="password" autoComplete="new-password" {...fieldProps("password", errors.password)} {...register("password")} />
        <FieldError id="password" message={errors.password?.message} />
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create my account"}
      </button>
    </form>
  );
}

/** For the signed-in invitee: joins, works in the new organisation, and opens the dashboard. */
export function AcceptInvitationButton({ token }: { token: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <FormError message={error} />
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await acceptInvitationAction({ token });
          if (!res.ok) {
            setBusy(false);
            return setError(res.message);
          }
          // Best effort: if it is refused (e.g. two-factor sign-in to set up first), the dashboard says what to do.
          await switchOrganisationAction({ organisationId: res.data.organisationId });
          // A full load: the whole app (header, organisation menu) is drawn for the new membership.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
          window.location.assign("/");
        }}
      >
        {busy ? "Accepting…" : "Accept the invitation"}
      </button>
    </>
  );
}
