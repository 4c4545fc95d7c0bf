import "server-only";
import { db } from "@/lib/db";

/** The Framework's 14 risk factors with the indicators an organisation uses (the Framework's and its own). */
export async function getCatalogue(organisationId: string) {
  return db.riskFactor.findMany({
    orderBy: { number: "asc" },
    include: {
      indicators: {
        where: { OR: [{ organisationId: null }, { organisationId }] },
        orderBy: [{ position: "asc" }],
        select: { id: true, code: true, text: true, organisationId: true, retiredAt: true },
      },
    },
  });
}
