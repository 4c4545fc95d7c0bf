"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createMemberOrganisationAction, inviteFirstAdministratorAction, leaveCoalitionAction } from "@/app/(app)/coalition/actions";
import { createMemberOrganisationSchema, inviteFirstAdministratorSchema, type CreateMemberOrganisationInput, type InviteFirstAdministratorInput } from "@/lib/coalition/schemas";
import { FieldError, FormError, fieldProps } from "@/components/ui/form-field";

type Sent = { emailed: boolean; link: string | null };

/** Where the first administrator's link went: shown once, only when this server sends no e-mail (as the Admin page's invitations). */
function LinkNotice({ sent, organisation }: { sent: Sent; organisation: string }) {
  return (
    <div className="notice" role="status">
      {sent.link ? (
        <>
          No e-mail is configured on this server: send this link to the first administrator of {organisation} yourself, by a channel you trust. It works once, for 7
          days, and is not shown again:
          <div>
            <code data-testid="first-admin-link" style={{ overflowWrap: "anywhere" }}>
              {sent.link}
            </code>
          </div>
        </>
      ) : sent.emailed ? (
        `The invitation to administer ${organisation} was e-mailed to the address you entered. Its link works once, for 7 days.`
      ) : (
        "The invitation e-mail could not be sent. Ask whoever runs this server to check its mail settings, then invite again: the new invitation replaces this one."
      )}
    </div>
  );
}

export function CreateOrganisationForm() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState<(Sent & { organisation: string }) | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateMemberOrganisationInput>({
    resolver: zodResolver(createMemberOrganisationSchema),
    defaultValues: { name: "", adminEmail: "", requireTwoFactor: true },
  });
  const errors = formState.errors;
  return (
    <form
      className="panel"
      noValidate
      onSubmit={handleSubmit(async (input) => {
        setMessage(null);
        setSent(null);
        const res = await createMemberOrganisationAction(input);
        if (!res.ok) {
          for (const [f, m] of Object.entries(res.fieldErrors ?? {})) if (m?.[0]) setError(f as keyof CreateMemberOrganisationInput, { message: m[0] });
          if (!res.fieldErrors) setMessage(res.message);
          return;
        }
        setSent({ ...res.data, organisation: input.name.trim() });
        reset();
        router.refresh();
      })}
    >
      <h2 style={{ marginBlockStart: 0 }}>Add a member organisation</h2>
      <p className="muted">The organisation is created empty. Its first administrator gets a single-use link, then invites their colleagues from their Admin page.</p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="org-name">Organisation&apos;s name</label>
          <input {...fieldProps("org-name", errors.name)} {...register("name")} />
          <FieldError id="org-name" message={errors.name?.message} />
        </div>
        <div className="field">
          <label htmlFor="org-admin-email">First administrator&apos;s e-mail address</label>
          <input type="email" {...fieldProps("org-admin-email", errors.adminEmail)} {...register("adminEmail")} />
          <FieldError id="org-admin-email" message={errors.adminEmail?.message} />
        </div>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" {...register("requireTwoFactor")} /> Require two-factor sign-in from the start (its administrators can change this later)
        </label>
      </div>
      <FormError message={message} />
      <button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create the organisation and invite its administrator"}
      </button>
      {sent && <LinkNotice sent={sent} organisation={sent.organisation} />}
    </form>
  );
}

/** A new link for an organisation that has no administrator yet (the earlier link stops working). */
export function InviteFirstAdministratorForm({ organisationId, organisation }: { organisationId: string; organisation: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<InviteFirstAdministratorInput>({
    resolver: zodResolver(inviteFirstAdministratorSchema),
    defaultValues: { organisationId, adminEmail: "" },
  });
  const id = `first-admin-${organisationId}`;
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        setMessage(null);
        setSent(null);
        const res = await inviteFirstAdministratorAction(input);
        if (!res.ok) {
          if (res.fieldErrors?.adminEmail?.[0]) setError("adminEmail", { message: res.fieldErrors.adminEmail[0] });
          else setMessage(res.message);
          return;
        }
        setSent(res.data);
        reset({ organisationId, adminEmail: "" });
        router.refresh();
      })}
    >
      <label htmlFor={id}>Invite a first administrator of {organisation}</label>{" "}
      <input type="email" className="inline" {...fieldProps(id, formState.errors.adminEmail)} {...register("adminEmail")} />{" "}
      <button type="submit" className="secondary" disabled={formState.isSubmitting}>
        Send a new link
      </button>
      <FieldError id={id} message={formState.errors.adminEmail?.message} />
      <FormError message={message} />
      {sent && <LinkNotice sent={sent} organisation={organisation} />}
    </form>
  );
}

/** The organisation's administrators take it out of the coalition, having ticked that they read what changes. */
export function LeaveCoalitionForm({ organisation }: { organisation: string }) {
  const router = useRouter();
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        setBusy(true);
        const res = await leaveCoalitionAction({ confirm: confirmed as true });
        setBusy(false);
        if (!res.ok) return setMessage(res.message);
        router.refresh();
      }}
    >
      <div className="field">
        <label>
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I understand: the situations {organisation} shares stop being
          shared with the coalition at once, and only the coalition secretariat can take {organisation} back.
        </label>
      </div>
      <FormError message={message} />
      <button type="submit" className="secondary" disabled={!confirmed || busy}>
        {busy ? "Leaving…" : `Take ${organisation} out of the coalition`}
      </button>
    </form>
  );
}
