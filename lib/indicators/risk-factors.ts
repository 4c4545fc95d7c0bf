import "server-only";
import { db } from "@/lib/db";

export type RiskFactorTitle = Readonly<{ number: number; title: string }>;

let factors: Promise<readonly RiskFactorTitle[]> | undefined;

/**
 * The Framework's 14 risk factors (number and title), in order. Reference data that only the seed
 * writes (before the server starts), so each server process reads it once instead of on every page.
 */
export function riskFactors(): Promise<readonly RiskFactorTitle[]> {
  factors ??= db.riskFactor
    .findMany({ orderBy: { number: "asc" }, select: { number: true, title: true } })
    .then((rows) => Object.freeze(rows.map((r) => Object.freeze(r))))
    .catch((e) => {
      factors = undefined; // a failed read is tried again next time
      throw e;
    });
  return factors;
}
