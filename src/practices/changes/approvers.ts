import type { ApprovalRule } from "../../config/change-settings.js";
import type { Db, Tx } from "../../db/client.js";
import type { PersonRef } from "../../kernel/people/actor.js";
import type { ChangeType } from "./model.js";

export interface ApproverGroup {
  /** The configured group, or null when everyone with the `cab` role approves. */
  groupId: string | null;
  name: string;
  members: PersonRef[];
}

/** The rule that applies to a type; standard changes are pre-approved and never ask. */
export function approvalRuleFor(
  rules: { normal: ApprovalRule; emergency: ApprovalRule },
  type: ChangeType,
): ApprovalRule {
  return type === "emergency" ? rules.emergency : rules.normal;
}

/**
 * The people who vote on a change: the members of the rule's group, or of every group with the `cab` role.
 * Someone in several of those groups is listed once, so they have one vote.
 */
export async function loadApprovers(db: Db | Tx, groupId: string | null): Promise<ApproverGroup> {
  const groups = await db.group.findMany({
    where: groupId ? { id: groupId } : { roles: { some: { role: "cab" } } },
    include: { members: { include: { person: { select: { id: true, displayName: true } } } } },
    orderBy: { id: "asc" },
  });
  const members = new Map<string, PersonRef>();
  for (const group of groups)
    for (const member of group.members) members.set(member.person.id, member.person);
  const name = groupId ? (groups[0]?.name ?? groupId) : "the CAB";
  return { groupId, name, members: [...members.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}
