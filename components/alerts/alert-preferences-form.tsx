"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { alertPreferencesAction } from "@/app/(app)/alerts/actions";
import { alertPreferencesSchema } from "@/lib/alerts/schemas";

type Prefs = z.infer<typeof alertPreferencesSchema>;

export function AlertPreferencesForm({ initial, smtpConfigured }: { initial: Prefs; smtpConfigured: boolean }) {
  const [status, setStatus] = useState("");
  const { register, handleSubmit, reset, formState } = useForm<Prefs>({ resolver: zodResolver(alertPreferencesSchema), defaultValues: initial });
  const onSubmit = handleSubmit(async (values) => {
    const res = await alertPreferencesAction(values);
    setStatus(res.ok ? "Your alert settings are saved." : res.message);
    if (res.ok) reset(values);
  });
  return (
    <form onSubmit={onSubmit} className="panel" style={{ marginTop: "1.5rem", maxWidth: "44rem" }}>
      <fieldset>
        <legend>Which situations alert me</legend>
        <label className="choice">
          <input type="radio" value="ALL" {...register("alertScope")} /> All of my organisation&apos;s situations, and those I follow
        </label>
        <label className="choice">
          <input type="radio" value="WATCHED" {...register("alertScope")} /> Only the situations I follow
        </label>
      </fieldset>
      <label className="choice">
        <input type="checkbox" {...register("emailAlerts")} /> Also e-mail me my alerts
      </label>
      {!smtpConfigured && <p className="muted small">E-mail is not set up on this server yet, so alerts stay in this inbox; whoever runs the server can set it up.</p>}
      <button type="submit" disabled={formState.isSubmitting}>
        Save alert settings
      </button>{" "}
      <span role="status">{status}</span>
    </form>
  );
}
