import type { CatalogItem, RequestSettings } from "../../config/request-settings.js";
import type { Db, Tx } from "../../db/client.js";
import { approvalsNeeded } from "../../kernel/approvals/rules.js";
import { ValidationError } from "../../kernel/errors.js";

export interface StageApprover {
  readonly personId: string;
  /** The approver a delegate stands in for. */
  readonly onBehalfOf: string | null;
}

export interface StageApprovers {
  readonly approvers: readonly StageApprover[];
  readonly needed: number;
}

/**
 * Who decides one approval stage of a request: the requester's manager, or the members of a group. Nobody
 * approves their own request (ITIL: segregation of duties), and an approver who delegated is replaced by
 * their delegate until the delegation ends. A stage nobody could complete is refused at submission.
 */
export async function approversForStage(
  db: Db | Tx,
  settings: RequestSettings,
  item: CatalogItem,
  requesterId: string,
  stageIndex: number,
  now: Date,
): Promise<StageApprovers> {
  const stage = item.approval[stageIndex];
  if (!stage) throw new Error(`${item.id} has no approval stage ${stageIndex}`);
  let people: string[];
  let who: string;
  if (stage.kind === "manager") {
    const manager = settings.managers[requesterId];
    if (!manager || manager === requesterId) {
      throw new ValidationError(
        `${item.name} needs your manager's approval, but opsdesk.yaml names no manager for you (requests.managers). Ask an admin to add one; nothing was requested.`,
      );
    }
    people = [manager];
    who = "your manager";
  } else {
    const members = await db.groupMember.findMany({
      where: { groupId: stage.group },
      select: { personId: true },
    });
    people = members.map((member) => member.personId).filter((id) => id !== requesterId);
    who = `the ${stage.group} group`;
  }
  const delegations = await db.requestDelegation.findMany({
    where: { personId: { in: people }, until: { gte: now } },
  });
  const approvers: StageApprover[] = [];
  for (const personId of people) {
    const delegation = delegations.find((d) => d.personId === personId && d.delegateId !== requesterId);
    const approver = delegation
      ? { personId: delegation.delegateId, onBehalfOf: personId }
      : { personId, onBehalfOf: null };
    if (!approvers.some((a) => a.personId === approver.personId)) approvers.push(approver);
  }
  const needed = stage.kind === "manager" ? 1 : approvalsNeeded(stage.quorum, approvers.length);
  if (approvers.length === 0 || needed > approvers.length) {
    throw new ValidationError(
      `${item.name} needs ${needed} approval${needed === 1 ? "" : "s"} from ${who}, but only ${approvers.length} ${approvers.length === 1 ? "person" : "people"} other than you can give ${needed === 1 ? "it" : "them"}. Ask an admin; nothing was requested.`,
    );
  }
  return { approvers, needed };
}
