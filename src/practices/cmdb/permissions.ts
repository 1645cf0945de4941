import type { Db, Tx } from "../../db/client.js";
import { ForbiddenError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";

/** The CMDB is the service desk's record: agents change it; anyone may read it. */
export function requireAgent(actor: Actor, what: string): void {
  if (!isAgent(actor)) throw new ForbiddenError(`Only agents can ${what}. Ask the service desk.`);
}

/** Whether the person sits in the group that owns a CI (a CI without an owner group is everyone's). */
export async function inOwnerGroup(db: Db | Tx, personId: string, groupId: string | null): Promise<boolean> {
  if (groupId === null) return true;
  const member = await db.groupMember.findUnique({ where: { groupId_personId: { groupId, personId } } });
  return member !== null;
}
