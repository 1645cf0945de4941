import type { Db, Tx } from "../../db/client.js";

/** The zone a person reads and writes dates in: their own from opsdesk.yaml, else the desk's. */
export async function timezoneOf(db: Db | Tx, personId: string, deskTimezone: string): Promise<string> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { timezone: true } });
  return person?.timezone ?? deskTimezone;
}
