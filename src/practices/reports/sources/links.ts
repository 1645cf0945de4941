import type { Db } from "../../../db/client.js";

/*
 * The one place the reports read the kernel's TicketLink table: which changes an incident was recorded as
 * `caused_by` (src/kernel/tickets/links.ts). The change failure rate counts these links, never incidents
 * that merely happened near a change.
 */

/** The keys (change numbers as text) of the given changes that at least one item is `caused_by`. */
export async function changesThatCausedIncidents(
  db: Db,
  changeNumbers: readonly number[],
): Promise<Set<string>> {
  if (changeNumbers.length === 0) return new Set();
  const keys = changeNumbers.map(String);
  const found = new Set<string>();
  // In slices: SQLite allows at most 32766 bound parameters per statement.
  for (let i = 0; i < keys.length; i += 10_000) {
    const rows = await db.ticketLink.findMany({
      where: { relation: "caused_by", toKind: "CHG", toKey: { in: keys.slice(i, i + 10_000) } },
      select: { toKey: true },
      distinct: ["toKey"],
    });
    for (const row of rows) found.add(row.toKey);
  }
  return found;
}
