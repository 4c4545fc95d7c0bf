// Types shared by the server mutations and the client form (no server code here).
import type { SituationInput } from "./schemas";
import type { Crime, CrimeStatus } from "@/lib/generated/prisma/enums";

export type SituationSnapshot = Omit<SituationInput, "crimes"> & {
  crimes: Partial<Record<Crime, { status: CrimeStatus; rationale: string; sourceIds?: string[] }>>;
  archived?: boolean;
};

export interface SituationConflict {
  version: number;
  updatedAt: string;
  updatedBy: string;
  values: SituationSnapshot;
}
