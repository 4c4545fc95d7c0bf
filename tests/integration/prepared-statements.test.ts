import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/database-url";
import { INLINE_VALUES, createPrismaClient } from "@/lib/db-client";
import { visibleEventsSql } from "@/lib/events/sql";

// One connection, so what it has prepared can be read back on it.
const client = createPrismaClient(databaseUrl(), 1);
afterAll(() => client.$disconnect());

const preparedOnConnection = () => client.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;

describe("prepared statements", () => {
  it("prepare a page's queries once per connection, under their name, and run them again as prepared", async () => {
    for (let i = 0; i < 3; i++) expect(await client.country.findMany({ where: { iso3: { in: ["SDN", "MMR"] } }, orderBy: { iso3: "asc" }, select: { iso3: true } })).toEqual([{ iso3: "MMR" }, { iso3: "SDN" }]);
    const countryQueries = (await preparedOnConnection()).filter((s) => s.statement.includes(`"public"."Country"`));
    expect(countryQueries).toHaveLength(1);
    expect(countryQueries[0].name).toMatch(/^s_/);
  });

  it("leave queries with values written into them unprepared", async () => {
    const sql = visibleEventsSql({ organisationId: "org-that-does-not-exist" } as never, {} as never, [], { columns: `t.id, t."eventDate"`, limit: 1 });
    expect(sql).toContain(INLINE_VALUES);
    expect(await client.$queryRawUnsafe(sql)).toEqual([]);
    expect((await preparedOnConnection()).filter((s) => s.statement.includes("org-that-does-not-exist"))).toEqual([]);
  });
});
