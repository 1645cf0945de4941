import type { Tx } from "../../db/client.js";
import { actorForPerson } from "../../kernel/people/resolve-actor.js";
import type { TicketEvent } from "../../kernel/tickets/events.js";
import { record } from "./apply-problem-action.js";
import type { ProblemContext } from "./context.js";
import { findProblem } from "./find-problem.js";
import { PROBLEM_PREFIX } from "./model.js";

/**
 * A change that fixes problems (`/problem fix PRB-4 CHG-9`) closed: closed successful resolves each problem
 * it fixes that is still in fix in progress, in the change's own transaction; any other closure code (rolled
 * back, caused an incident, …) leaves it in fix in progress and says so in its thread. Published by the
 * changes practice as `closed` with `data.closureCode` (src/practices/changes/events-hook.ts).
 */
export async function onChangeClosed(ctx: ProblemContext, tx: Tx, event: TicketEvent): Promise<void> {
  if (event.ref.kind !== "CHG" || event.type !== "closed") return;
  const links = await tx.ticketLink.findMany({
    where: { toKind: event.ref.kind, toKey: event.ref.key, fromKind: PROBLEM_PREFIX, relation: "fixed_by" },
    orderBy: { id: "asc" },
  });
  if (links.length === 0) return;
  const actor = await actorForPerson(tx, event.actorId);
  if (!actor) return;
  const changeLabel = `${event.ref.kind}-${event.ref.key}`;
  const successful = event.data?.closureCode === "successful";
  for (const link of links) {
    const previous = await findProblem(tx, Number(link.fromKey));
    if (previous.status !== "fix_in_progress") continue;
    const note = `Fixed by ${changeLabel}, closed successful.`;
    const plan = successful
      ? {
          update: { status: "resolved", resolutionNote: note, resolvedAt: event.at },
          event: {
            kind: "resolved" as const,
            before: { status: previous.status },
            after: { status: "resolved", change: changeLabel },
            body: note,
          },
        }
      : {
          update: {},
          event: {
            kind: "fix_rolled_back" as const,
            after: { change: changeLabel, closureCode: event.data?.closureCode ?? null },
            body: changeLabel,
          },
        };
    await tx.problem.update({
      where: { id: previous.id },
      data: { ...plan.update, updatedAt: event.at, version: { increment: 1 } },
    });
    await record(ctx, tx, actor, previous, plan, event.at);
  }
}
