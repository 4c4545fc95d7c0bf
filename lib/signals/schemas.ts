import { z } from "zod";

/**
 * How rare by chance a week must be to be flagged (Organisation.signalSensitivity), as the
 * administrators choose it: one of these, from "1 time in 20" to "1 time in 10,000". Not rarer:
 * the test's probabilities are exact to 0.0001 (lib/signals/stats.ts poissonUpperTail).
 */
export const SIGNAL_SENSITIVITIES = [0.05, 0.01, 0.001, 0.0001] as const;

export const signalSensitivitySchema = z.coerce
  .number({ message: "Choose how rare a week must be to be flagged." })
  .refine((v) => (SIGNAL_SENSITIVITIES as readonly number[]).includes(v), "Choose one of the offered sensitivities.");

export const signalSensitivityInputSchema = z.object({ sensitivity: signalSensitivitySchema });
export type SignalSensitivityInput = z.infer<typeof signalSensitivityInputSchema>;

/** "1 time in 1,000" for 0.001. */
export function sensitivityLabel(s: number): string {
  return `less than 1 time in ${Math.round(1 / s).toLocaleString("en-GB")}`;
}
