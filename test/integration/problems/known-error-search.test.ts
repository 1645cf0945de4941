// Known-error search on the database's own full-text search (src/practices/problems/search-known-errors.ts):
// FTS5 on SQLite, tsvector + GIN on PostgreSQL, both created by the problems migration's raw SQL. Realistic
// near-miss titles: what should match does on both engines, what merely shares a word does not.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/client.js";
import { databaseEngine } from "../../../src/db/engine.js";
import { searchKnownErrors, searchWords } from "../../../src/practices/problems/search-known-errors.js";
import { describeEachDatabase } from "../../support/databases.js";

const knownErrors = [
  {
    title: "Payments API timeouts during the nightly batch",
    symptom: "Checkout spins, then fails with a timeout",
    cause: "Connection pool of 10 for 40 batch workers",
    workaround: "Restart the payments worker",
  },
  {
    title: "VPN drops every hour after the client update",
    symptom: "Sessions end on the hour",
    cause: "Rekey interval set to 3600 seconds",
    workaround: "Reconnect, or pin client 5.1",
  },
  {
    title: "Receipts e-mail bounces for Outlook addresses",
    symptom: "Customers get no receipt",
    cause: "SPF record lacks the new mail relay",
    workaround: "Resend the receipt from the admin page",
  },
];

async function seed(db: Db): Promise<Map<string, number>> {
  await db.person.upsert({ where: { id: "kes" }, create: { id: "kes", displayName: "Kes" }, update: {} });
  const numbers = new Map<string, number>();
  let n = 1000;
  for (const ke of knownErrors) {
    n += 1;
    const at = new Date("2026-12-01T10:00:00Z");
    const problem = await db.problem.create({
      data: {
        number: n,
        title: ke.title,
        impact: "medium",
        urgency: "medium",
        priority: "P3",
        status: "root_cause_analysis",
        reporterId: "kes",
        createdAt: at,
        updatedAt: at,
      },
    });
    await db.knownError.create({
      data: {
        number: n,
        problemId: problem.id,
        status: "published",
        publishedById: "kes",
        createdAt: at,
        updatedAt: at,
        ...ke,
      },
    });
    numbers.set(ke.title, n);
  }
  return numbers;
}

describeEachDatabase("GIVEN three published known errors", (db) => {
  let numbers: Map<string, number>;
  const search = (text: string, strictness: "search" | "advice" = "advice") =>
    searchKnownErrors(db().handle.db, databaseEngine(db().handle.db), text, { strictness, limit: 5 });

  beforeAll(async () => {
    numbers = await seed(db().handle.db);
  });

  describe("WHEN an incident title shares most of a known error's words", () => {
    it("THEN it matches, stemmed (timeout ~ timeouts), best first, with how many words matched", async () => {
      const hits = await search("Payments API timeout at checkout");
      expect(hits.map((h) => [h.number, h.matched, h.of])).toEqual([
        [numbers.get(knownErrors[0]?.title ?? ""), 4, 4],
      ]);
      expect((await search("VPN keeps dropping every hour"))[0]?.number).toBe(
        numbers.get(knownErrors[1]?.title ?? ""),
      );
      expect((await search("receipt emails bounce"))[0]?.title).toBe(
        "Receipts e-mail bounces for Outlook addresses",
      );
    });
  });

  describe("WHEN an incident title merely shares a word or two with a known error", () => {
    it("THEN nothing is suggested: one common word, or fewer than half of the words, is noise", async () => {
      expect(await search("Payments page shows the wrong currency symbol")).toEqual([]);
      expect(await search("Printer timeouts on floor 3")).toEqual([]);
      expect(await search("Outlook calendar does not sync on mobile")).toEqual([]);
      expect(await search("Timeouts")).toEqual([]);
      expect(await search("the and of")).toEqual([]);
    });

    it("THEN an explicit search is looser: half of the words suffice, even one of one", async () => {
      expect((await search("timeouts", "search")).map((h) => h.number)).toEqual([
        numbers.get(knownErrors[0]?.title ?? ""),
      ]);
      expect(await search("Printer timeouts on floor 3", "search")).toEqual([]);
    });
  });

  describe("WHEN the searched text is hostile to the query language", () => {
    it("THEN it is only words: FTS5 and tsquery syntax has no effect and nothing fails", async () => {
      expect(searchWords('payments" OR title:* NEAR( -api) & !| <->')).toEqual([
        "payments",
        "title",
        "near",
        "api",
      ]);
      expect(await search('"payments" OR api* NEAR(timeouts)')).toHaveLength(1);
      expect(await search('x" -- ; DROP TABLE "KnownError"; --')).toEqual([]);
      expect(await db().handle.db.knownError.count()).toBe(knownErrors.length);
    });
  });

  describe("WHEN a known error's workaround is edited", () => {
    it("THEN the index follows at once (the triggers on SQLite, the expression index on PostgreSQL)", async () => {
      const number = numbers.get(knownErrors[2]?.title ?? "") ?? 0;
      await db().handle.db.knownError.update({
        where: { number },
        data: { title: "Invoices PDF renders blank" },
      });
      expect(await search("receipt emails bounce")).toEqual([]);
      expect((await search("invoices pdf blank"))[0]?.number).toBe(number);
    });
  });
});
