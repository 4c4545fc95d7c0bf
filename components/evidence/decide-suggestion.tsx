"use client";

// The analyst's answer to a suggested rating: take it or keep the rating, with the reason (kept
// with the round, and required to keep it). Nothing typed is lost on a refusal.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { decideSuggestionAction } from "@/app/(app)/evidence/actions";
import { decideSuggestionSchema, type DecideSuggestionInput } from "@/lib/evidence/schemas";
import { FieldError, FormError, fieldProps } from "@/components/ui/form-field";
import styles from "./evidence.module.css";

export function DecideSuggestion({ roundId, indicatorId, suggested, label }: { roundId: string; indicatorId: string; suggested: string; label: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DecideSuggestionInput>({ resolver: zodResolver(decideSuggestionSchema), defaultValues: { roundId, indicatorId, decision: undefined, reason: "" } });
  const id = (name: string) => `suggestion-${indicatorId}-${name}`;

  async function onSubmit(values: DecideSuggestionInput) {
    setMessage(null);
    const res = await decideSuggestionAction(values);
    if (!res.ok) {
      for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) setError(field as keyof DecideSuggestionInput, { message: messages?.[0] });
      return setMessage(res.message);
    }
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} className={styles.form} aria-label={`Decide on the suggested rating for ${label}`}>
      <FormError message={message} />
      <fieldset>
        <legend>Suggested rating: {suggested}</legend>
        <label className="choice">
          <input type="radio" value="ACCEPTED" {...register("decision")} /> Take it: rate {suggested}
        </label>
        <label className="choice">
          <input type="radio" value="DECLINED" {...register("decision")} /> Keep the rating as it is
        </label>
        <FieldError id={id("decision")} message={errors.decision?.message} />
      </fieldset>
      <label htmlFor={id("reason")}>Reason (kept with the round; needed to keep the rating)</label>
      <textarea rows={2} {...fieldProps(id("reason"), errors.reason)} {...register("reason")} />
      <FieldError id={id("reason")} message={errors.reason?.message} />
      <button type="submit" className="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save decision"}
      </button>
    </form>
  );
}
