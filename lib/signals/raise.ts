import "server-only";
// Raises the event log's signals as alerts, in the transaction of the change that brought the events
// (an import, an event recorded or edited by hand): the alert exists exactly when the events do.
import type { Tx } from "@/lib/db";
import { raiseAlerts } from "@/lib/alerts/raise";
import { currentSignals } from "./queries";
import { signalAlerts } from "./alerts";

/** `situationIds`: the situations whose events the change touched (null and repeats are ignored). */
export async function raiseSignalAlerts(tx: Tx, situationIds: (string | null)[], raisedById: string, asOf = new Date().toISOString().slice(0, 10)): Promise<string[]> {
  const ids = [...new Set(situationIds.filter((id): id is string => !!id))];
  const raised: string[] = [];
  for (const s of await currentSignals(tx, ids, asOf)) {
    raised.push(...(await raiseAlerts(tx, { id: s.situationId, organisationId: s.organisationId }, signalAlerts(s, asOf), raisedById)));
  }
  return raised;
}
