import type { Db, Tx } from "../../db/client.js";
import type { PersonRef, Role } from "../people/actor.js";

export interface ApproverGroup {
  /** The configured group, or null when everyone in a group with the fallback role votes. */
  groupId: string | null;
  name: string;
  members: PersonRef[];
}

/**
 * The people who vote: the members of the configured group, or of every group with `role` (the CAB by
 * default). Someone in several of those groups is listed once, so they have one vote.
 */
export async function loadApprovers(
  db: Db | Tx,
  groupId: string | null,
  fallback: { role: Role; name: string } = { role: "cab", name: "the CAB" },
): Promise<ApproverGroup> {
  const groups = await db.group.findMany({
    where: groupId ? { id: groupId } : { roles: { some: { role: fallback.role } } },
    include: { members: { include: { person: { select: { id: true, displayName: true } } } } },
    orderBy: { id: "asc" },
  });
  const members = new Map<string, PersonRef>();
  for (const group of groups)
    for (const member of group.members) members.set(member.person.id, member.person);
  const name = groupId ? (groups[0]?.name ?? groupId) : fallback.name;
  return { groupId, name, members: [...members.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}
