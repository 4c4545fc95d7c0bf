"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { issueApiTokenAction } from "@/app/(app)/admin/actions";
import { API_SCOPES, API_SCOPE_LABELS, API_TOKEN_DAY_CHOICES, issueApiTokenSchema } from "@/lib/api-tokens/schemas";
import { FieldError, FormError, fieldProps } from "@/components/ui/form-field";

type Input = z.input<typeof issueApiTokenSchema>;

/** The Admin page's form to issue a partner API token; the secret is shown once, here, to copy. */
export function IssueApiTokenForm() {
  const router = useRouter();
  const [issued, setIssued] = useState<{ secret: string; expiresAt: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input>({ resolver: zodResolver(issueApiTokenSchema), defaultValues: { name: "", scopes: [], days: 90 } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setIssued(null); // the previous token's secret is not this one's
    const res = await issueApiTokenAction(values);
    if (!res.ok) {
      for (const [f, m] of Object.entries(res.fieldErrors ?? {})) if (m?.[0]) setError(f as keyof Input, { message: m[0] });
      return setFormError(res.message);
    }
    setIssued({ secret: res.data.secret, expiresAt: res.data.expiresAt.slice(0, 10) });
    reset({ name: "", scopes: [], days: values.days });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="issue-token-heading">
      <h3 id="issue-token-heading">Issue a token</h3>
      <div className="field">
        <label htmlFor="token-name">Name (who uses it, and for what)</label>
        <input type="text" {...fieldProps("token-name", errors.name)} {...register("name")} />
        <FieldError id="token-name" message={errors.name?.message} />
      </div>
      <fieldset aria-describedby={errors.scopes ? "token-scopes-error" : undefined}>
        <legend>What it may read</legend>
        {API_SCOPES.map((s) => (
          <label key={s} className="choice">
            <input type="checkbox" value={s} {...register("scopes")} /> {API_SCOPE_LABELS[s]}
          </label>
        ))}
        <FieldError id="token-scopes" message={errors.scopes?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="token-days">Valid for</label>
        <select {...fieldProps("token-days", errors.days)} {...register("days")}>
          {API_TOKEN_DAY_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d === 365 ? "A year" : `${d} days`}
            </option>
          ))}
        </select>
        <FieldError id="token-days" message={errors.days?.message} />
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Issuing…" : "Issue token"}
      </button>
      <FormError message={formError} />
      {issued && (
        <div className="notice" role="status">
          Copy this token now and give it to the partner by a channel you trust: it is not shown again. It works until {issued.expiresAt}, unless you revoke it.
          <div>
            <code data-testid="api-token-secret" style={{ overflowWrap: "anywhere" }}>
              {issued.secret}
            </code>
          </div>
        </div>
      )}
    </form>
  );
}
