import type { Tx } from "../../db/client.js";

/**
 * The next number for a kind of ticket (INC, CHG, …), gap-free and unique: one row per kind, incremented
 * with a single atomic upsert inside the transaction that creates the ticket. A rolled-back create rolls
 * the number back too, and concurrent creates queue on the row (PostgreSQL) or the write lock (SQLite).
 */
export async function nextTicketNumber(tx: Tx, kind: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number | bigint }[]>`
    INSERT INTO "TicketSequence" ("kind", "value") VALUES (${kind}, 1)
    ON CONFLICT ("kind") DO UPDATE SET "value" = "TicketSequence"."value" + 1
    RETURNING "value"`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`ticket sequence ${kind} returned no value`);
  return Number(value);
}
