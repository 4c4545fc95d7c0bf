import { afterEach, describe, expect, it } from "vitest";
import { INLINE_VALUES, MAX_PREPARED, statementName } from "@/lib/db-client";

describe("prepared statements", () => {
  afterEach(() => {
    delete process.env.DATABASE_PREPARED_STATEMENTS;
  });

  it("name a query by its text: the same text, the same name; another text, another name", () => {
    const a = statementName(`SELECT "id" FROM "Situation" WHERE "organisationId" = $1`);
    expect(a).toMatch(/^s_[\w-]{27}$/);
    expect(statementName(`SELECT "id" FROM "Situation" WHERE "organisationId" = $1`)).toBe(a);
    expect(statementName(`SELECT "id" FROM "Situation" WHERE "organisationId" = $2`)).not.toBe(a);
  });

  it("leave text with values written into it unnamed, and everything when switched off", () => {
    expect(statementName(`SELECT ${INLINE_VALUES} * FROM "Event" t WHERE t."organisationId" = 'org-1'`)).toBeUndefined();
    process.env.DATABASE_PREPARED_STATEMENTS = "off";
    expect(statementName(`SELECT 1 WHERE $1::int = 1`)).toBeUndefined();
  });

  it("keep at most a bounded number of statements per process; names given stay the same", () => {
    const first = statementName(`SELECT 'first' WHERE $1::int = 1`);
    for (let i = 0; i < MAX_PREPARED + 10; i++) statementName(`SELECT ${i} WHERE $1::int = 1`);
    expect(statementName(`SELECT ${MAX_PREPARED + 5} WHERE $1::int = 1`)).toBeUndefined();
    expect(statementName(`SELECT 'first' WHERE $1::int = 1`)).toBe(first);
  });
});
