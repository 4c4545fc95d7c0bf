import "server-only";
import { z } from "zod";
import { DATABASE_UNAVAILABLE_SAVE, isDatabaseUnavailable } from "@/lib/db-errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { gate, ORGANISATION_SUSPENDED_MESSAGE, type AccessDenied } from "@/lib/access/gate";
import { setActiveOrganisation, type CurrentMembership, type CurrentUser } from "./current-user";
import { ActionError } from "./errors";
import { rememberOwnWrite } from "@/lib/db-replica";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "ERROR"; fieldErrors?: Record<string, string[]>; current?: unknown };

/** Who is acting: what every mutation needs from an action's context. */
export interface Actor {
  user: CurrentUser;
  membership: CurrentMembership;
}

export interface ActionContext<I> extends Actor {
  input: I;
}

/**
 * The input's errors by field, as z.flattenError() gives them, except that the form's values of an
 * input shaped `{ id, version, data }` (events, sources, responses) are named by field,
 * "data.eventDate", which the forms put next to the field: flattened, they would all fall under
 * "data", next to no field.
 */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (!issue.path.length) continue;
    const key = issue.path[0] === "data" && issue.path.length > 1 ? `data.${String(issue.path[1])}` : String(issue.path[0]);
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** What an action answers when the access gate refuses. */
export function refusal(reason: AccessDenied, user: CurrentUser | null = null): ActionResult<never> {
  switch (reason) {
    case "SIGNED_OUT":
      return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." };
    case "NO_MEMBERSHIP":
    case "DEACTIVATED":
    case "ROLE":
      return { ok: false, code: "FORBIDDEN", message: "You do not have permission to do this." };
    case "ORGANISATION_SUSPENDED":
      return { ok: false, code: "FORBIDDEN", message: ORGANISATION_SUSPENDED_MESSAGE };
    case "ORGANISATION_LEFT":
      return {
        ok: false,
        code: "FORBIDDEN",
        message: `You no longer have access to the organisation this page was opened in, so nothing was saved. Reload the page to go on in ${user?.active?.organisationName ?? "another organisation"}.`,
      };
    case "TWO_FACTOR_SETUP_REQUIRED":
      return { ok: false, code: "FORBIDDEN", message: "Your organisation requires two-factor sign-in. Set it up on your account page first." };
  }
}

/**
 * Wraps a server action so that no body runs before: the session is valid, the caller is a
 * member of their active organisation with at least `role` (and has set up two-factor sign-in if it
 * requires it), as the access gate decides (lib/access/gate.ts), and the input parses with `schema`.
 * Expected errors become messages; anything else is logged and reported generically.
 */
export function authorizedAction<S extends z.ZodType, T>(
  opts: {
    role: Role;
    schema: S;
    /** Account actions stay open to members who must still set up two-factor sign-in. */ beforeTwoFactor?: boolean;
    /** The coalition's work: only in the secretariat (issue #30). */ secretariat?: boolean;
  },
  handler: (ctx: ActionContext<z.output<S>>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      return await guarded(input);
    } catch (e) {
      // Reading the session failed (the database is down): say so, instead of an error page that loses the form.
      if (isDatabaseUnavailable(e)) return { ok: false, code: "ERROR", message: DATABASE_UNAVAILABLE_SAVE };
      throw e;
    }
  };
  async function guarded(input: z.input<S>): Promise<ActionResult<T>> {
    const access = await gate({ role: opts.role, beforeTwoFactor: opts.beforeTwoFactor, secretariat: opts.secretariat, fromPage: true });
    if (!access.ok) {
      // Once told, the user works in the organisation they fall back to: the next action is theirs there.
      if (access.reason === "ORGANISATION_LEFT" && access.user?.active) await setActiveOrganisation(access.user.active.organisationId);
      return refusal(access.reason, access.user);
    }
    const { user, membership } = access;
    const parsed = opts.schema.safeParse(input);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        ok: false,
        code: "INVALID",
        message: flat.formErrors[0] ?? "Some fields need attention.",
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    }
    try {
      const data = await handler({ user, membership, input: parsed.data });
      // With a read replica, this user's next pages read from the primary until it has this write.
      await rememberOwnWrite();
      return { ok: true, data };
    } catch (e) {
      if (e instanceof ActionError) {
        return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors, current: (e as { current?: unknown }).current };
      }
      if (isDatabaseUnavailable(e)) return { ok: false, code: "ERROR", message: DATABASE_UNAVAILABLE_SAVE };
      console.error("Server action failed", e);
      return { ok: false, code: "ERROR", message: "Something went wrong on our side; nothing was saved. Please try again." };
    }
  }
}
