import { transactionOptions } from "../../db/client.js";
import { AlreadyDoneError, InvalidTransitionError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import type { CmdbContext } from "./context.js";
import { requireCi } from "./find-ci.js";
import { markGraphChanged } from "./graph-version.js";
import type { CiSnapshot } from "./model.js";
import { ticketsOn } from "./open-tickets.js";
import { inOwnerGroup, requireAgent } from "./permissions.js";
import { recordCiChange } from "./timeline.js";

/**
 * `/cmdb retire`: a CI leaves service. Refused while an open ticket affects it (retiring what an incident
 * is still being worked on would hide the incident's impact), and for CIs opsdesk.yaml declares (the file
 * is their source: removing the service there retires the CI at the next start).
 */
export async function retireCi(ctx: CmdbContext, actor: Actor, key: string): Promise<CiSnapshot> {
  requireAgent(actor, "retire configuration items");
  const ci = await requireCi(ctx.db, key);
  if (ci.status === "retired") throw new AlreadyDoneError(`${ci.key} is already retired.`);
  if (ci.source === "config")
    throw new ValidationError(
      `${ci.key} is a service declared in opsdesk.yaml; remove it there to retire it.`,
    );
  if (!(await inOwnerGroup(ctx.db, actor.person.id, ci.ownerGroupId)))
    throw new ValidationError(`Only ${ci.ownerGroupId} can retire ${ci.key}.`);
  const open = (await ticketsOn(ctx.db, ctx.tickets, ci.key)).filter((ticket) => ticket.open);
  if (open.length > 0)
    throw new InvalidTransitionError(
      `${ci.key} cannot be retired while ${open.map((t) => t.label).join(", ")} ${open.length === 1 ? "is" : "are"} open on it. Close ${open.length === 1 ? "it" : "them"} first.`,
    );
  const at = ctx.clock.now();
  const retired = await ctx.db.$transaction(async (tx) => {
    await markGraphChanged(tx);
    const claimed = await tx.configItem.updateMany({
      where: { id: ci.id, version: ci.version },
      data: { status: "retired", updatedAt: at, version: { increment: 1 } },
    });
    if (claimed.count === 0)
      throw new AlreadyDoneError(
        `${ci.key} changed at the same moment; look again with /cmdb show ${ci.key}.`,
      );
    await recordCiChange(tx, {
      ciId: ci.id,
      at,
      actorId: actor.person.id,
      kind: "retired",
      before: { status: ci.status },
      after: { status: "retired" },
    });
    return { ...ci, status: "retired" as const, updatedAt: at, version: ci.version + 1 };
  }, transactionOptions);
  return retired;
}
