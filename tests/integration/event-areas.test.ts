// Rows go into the situation whose area holds their region, whatever name the file gives it
// (issue #25, item 8): ACLED writes "Nord-Kivu" where the analyst wrote "North Kivu".
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { POST } from "@/app/api/imports/route";
import { checkImportAction, runImportAction } from "@/app/(app)/events/actions";
import { actAs, createMember, createOrganisation, createSituation } from "../support/fixtures";

process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "aew-areas-"));

async function importCsv(csv: string, name: string) {
  const body = Buffer.from(csv);
  const res = await POST(
    new NextRequest("http://localhost/api/imports", {
      method: "POST",
      body: new Uint8Array(body),
      headers: { "x-file-name": encodeURIComponent(name), "content-length": String(body.length) },
    }),
  );
  const { id, message } = (await res.json()) as { id?: string; message?: string };
  if (!id) throw new Error(message);
  const imp = await db.eventImport.findUniqueOrThrow({ where: { id } });
  const check = await checkImportAction({ id, mapping: imp.mapping as Record<string, string>, situationId: "" });
  expect(check).toMatchObject({ ok: true, data: { problemRows: 0 } });
  expect(await runImportAction({ id })).toMatchObject({ ok: true });
  const events = await db.event.findMany({ where: { importId: id }, select: { externalId: true, situationId: true } });
  return { id, situations: Object.fromEntries(events.map((e) => [e.externalId, e.situationId])) };
}

describe("an ACLED import into situations scoped by area", () => {
  it("puts rows with ACLED's spelling of a region (Nord-Kivu) into the situation scoped by another of its names (North Kivu)", async () => {
    const org = await createOrganisation();
    const analyst = await createMember(org.id, "ANALYST");
    const kivus = await createSituation(org.id, analyst.id, { countryIso3: "COD", title: "DR Congo: the Kivus" });
    await db.situation.update({ where: { id: kivus.id }, data: { scope: "North Kivu and South Kivu" } });
    const national = await createSituation(org.id, analyst.id, { countryIso3: "COD", title: "DR Congo" });
    await actAs(analyst);

    const { id, situations } = await importCsv(
      [
        "event_id_cnty,event_date,event_type,iso,country,admin1,admin2,location,fatalities",
        "DRC1001,2024-05-02,Battles,180,Democratic Republic of Congo,Nord-Kivu,Rutshuru,Bunagana,4",
        "DRC1002,2024-05-03,Violence against civilians,180,Democratic Republic of Congo,Sud-Kivu,Uvira,Uvira,2",
        "DRC1003,2024-05-04,Battles,180,Democratic Republic of Congo,Nord Kivu,Beni,Oicha,1",
        "DRC1004,2024-05-05,Battles,180,Democratic Republic of Congo,Ituri,Djugu,Djugu,6",
        "DRC1005,2024-05-06,Protests,180,Democratic Republic of Congo,Kinshasa,Kinshasa,Kinshasa,0",
      ].join("\n") + "\n",
      "acled-cod.csv",
    );
    expect(situations).toEqual({ DRC1001: kivus.id, DRC1002: kivus.id, DRC1003: kivus.id, DRC1004: national.id, DRC1005: national.id });
    expect(await db.eventImport.findUniqueOrThrow({ where: { id } })).toMatchObject({ createdCount: 5, withoutSituationCount: 0 });
  });

  it("still matches a free-text area that is no single region (Darfur) by its words", async () => {
    const org = await createOrganisation();
    const analyst = await createMember(org.id, "ANALYST");
    const darfur = await createSituation(org.id, analyst.id, { countryIso3: "SDN", title: "Sudan: Darfur" });
    await db.situation.update({ where: { id: darfur.id }, data: { scope: "Darfur" } });
    await actAs(analyst);

    const { situations } = await importCsv(
      [
        "event_id_cnty,event_date,event_type,iso,country,admin1,location,fatalities",
        "SDN2001,2024-05-02,Battles,729,Sudan,Central Darfur,Zalingei,3",
        "SDN2002,2024-05-02,Battles,729,Sudan,North Darfur,El Fasher,3",
        "SDN2003,2024-05-02,Battles,729,Sudan,Gedaref,Gedaref,1",
      ].join("\n") + "\n",
      "acled-sdn.csv",
    );
    expect(situations).toEqual({ SDN2001: darfur.id, SDN2002: darfur.id, SDN2003: null });
  });
});
