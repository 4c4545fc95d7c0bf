import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/require-user";
import { db } from "@/lib/db";
import { listInbox } from "@/lib/alerts/queries";
import { SCORE_RISE_THRESHOLD, alertTitleText, watchedFactorsText } from "@/lib/alerts/rules";
import { Pagination } from "@/components/ui/pagination";
import { ActionButton } from "@/components/ui/action-button";
import { RiskBadge } from "@/components/ui/risk-badge";
import { AlertPreferencesForm } from "@/components/alerts/alert-preferences-form";
import { markAlertsReadAction } from "./actions";
import { alertEventsHref } from "@/lib/signals/links";

export const metadata: Metadata = { title: "Alerts" };

const SEVERITY_LABELS = { INFO: "Information", WARNING: "Warning", CRITICAL: "Critical" } as const;

/** The published round that raised an alert (score rise, new severe indicator), if any. */
function roundOf(alert: { detail: unknown }): string | null {
  const id = (alert.detail as { assessmentId?: unknown } | null)?.assessmentId;
  return typeof id === "string" ? id : null;
}

/** The events behind an alert raised by the event log's signals: a path inside the app, or nothing. */
function eventsOf(alert: { detail: unknown }): string | null {
  return alertEventsHref(alert.detail);
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ unread?: string; page?: string }> }) {
  const sp = await searchParams;
  const user = await requireUser();
  const unread = sp.unread === "1";
  const page = Math.max(1, Number(sp.page) || 1);
  const [inbox, prefs] = await Promise.all([
    listInbox(user, { unread, page }),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { alertScope: true, emailAlerts: true } }),
  ]);
  const unreadIds = inbox.rows.filter((r) => !r.readAt).map((r) => r.alertId);
  return (
    <>
      <h1>Alerts</h1>
      <p className="muted">
        Raised the moment the data changes: an overall score rising {SCORE_RISE_THRESHOLD} points or more between two published rounds, a
        risk category raised, a crime newly documented, or a new severe indicator in risk factor {watchedFactorsText()}. And from the event log: a week well above
        a situation&apos;s previous 26, one actor&apos;s killings of civilians over the mass-killing threshold of 1,000 in 12 months, or an actor, region or kind of event
        never seen before in a situation.
      </p>
      <div className="actions-row">
        <Link href={unread ? "/alerts" : "/alerts?unread=1"} className="button">
          {unread ? "Show all alerts" : "Show unread only"}
        </Link>
        {unreadIds.length > 0 && <ActionButton action={markAlertsReadAction} input={{ all: true as const }} label="Mark all as read" busyLabel="Marking…" />}
      </div>
      {inbox.rows.length === 0 ? (
        <p>{unread ? "No unread alerts." : "No alerts yet."}</p>
      ) : (
        <ul className="alert-list" aria-label="Alerts, newest first">
          {inbox.rows.map((r) => (
            <li key={r.alertId} className={`panel alert-item${r.readAt ? "" : " unread"}`}>
              <div>
                <span className={`severity ${r.alert.severity}`}>{SEVERITY_LABELS[r.alert.severity]}</span>
                <div className="muted small">{r.alert.createdAt.toISOString().slice(0, 16).replace("T", " ")}</div>
                {r.alert.raisedBy && <div className="muted small">by {r.alert.raisedBy.name}</div>}
              </div>
              <div>
                <div className="alert-title">
                  {r.readAt ? "" : <span className="visually-hidden">Unread: </span>}
                  {alertTitleText(r.alert)}
                </div>
                <Link href={`/situations/${r.alert.situation.id}`}>{r.alert.situation.title}</Link> <RiskBadge category={r.alert.situation.riskCategory} />
                {roundOf(r.alert) && (
                  <>
                    {" · "}
                    <Link href={`/situations/${r.alert.situation.id}/rounds/${roundOf(r.alert)}`}>Open the round</Link>
                  </>
                )}
                {eventsOf(r.alert) && (
                  <>
                    {" · "}
                    <Link href={eventsOf(r.alert)!}>The events behind it</Link>
                  </>
                )}
              </div>
              <div>{!r.readAt && <ActionButton action={markAlertsReadAction} input={{ alertIds: [r.alertId] }} label="Mark as read" busyLabel="Marking…" />}</div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={inbox.pages} path="/alerts" query={{ unread: unread ? "1" : undefined }} />
      <AlertPreferencesForm initial={prefs} smtpConfigured={Boolean(process.env.SMTP_URL)} />
    </>
  );
}
