// SQLite answers synchronously, so without help a burst of database work never lets the event loop read a
// new chat request. These tests pin down that OpsDesk's SQLite client gives the loop a turn between
// statements, so a request arriving mid-transaction can be read and acknowledged at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../../src/db/client.js";
import { createTestDatabase } from "../../support/databases.js";

describe("OpsDesk's SQLite client", () => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const created = await createTestDatabase("sqlite");
    dispose = created.dispose;
    handle = await openDatabase(created.location);
  });
  afterAll(async () => {
    await handle.close();
    await dispose();
  });

  it("lets other events run between the statements of one transaction", async () => {
    const turnsSeenByStatement: number[] = [];
    let turns = 0;
    let ticking = true;
    // Stands in for the HTTP server: something that only runs when the event loop gets a turn.
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await handle.db.$transaction(async (tx) => {
      for (let i = 0; i < 10; i++) {
        await tx.$queryRaw`SELECT ${i} AS n`;
        turnsSeenByStatement.push(turns);
      }
    });
    ticking = false;
    // Every statement waited for at least one turn of the loop, so the ticker advanced each time.
    for (let i = 1; i < turnsSeenByStatement.length; i++) {
      expect(turnsSeenByStatement[i]).toBeGreaterThan(turnsSeenByStatement[i - 1] ?? 0);
    }
  });

  it("still commits and rolls back transactions as before", async () => {
    await handle.db.$transaction(
      (tx) => tx.$executeRaw`INSERT INTO "TicketSequence" ("kind", "value") VALUES ('yield-test', 1)`,
    );
    await expect(
      handle.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "TicketSequence" SET "value" = 99 WHERE "kind" = 'yield-test'`;
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    const rows = await handle.db.$queryRaw<{ value: bigint | number }[]>`
      SELECT "value" FROM "TicketSequence" WHERE "kind" = 'yield-test'`;
    expect(Number(rows[0]?.value)).toBe(1);
  });
});
