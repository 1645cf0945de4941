import type { Tx } from "../../db/client.js";
import type { TicketEventBus } from "../../kernel/tickets/events.js";
import type { ProblemChange } from "./context.js";
import { PROBLEM_PREFIX, type ProblemEventKind } from "./model.js";

/**
 * The problem events other practices may act on (src/kernel/tickets/events.ts): `raised`, `resolved` (data:
 * resolutionNote), `closed`, `cancelled`, `published` (data: knownError). The incidents practice may answer
 * `resolved` on each linked open incident.
 */
const published: Partial<Record<ProblemEventKind, string>> = {
  created: "raised",
  resolved: "resolved",
  closed: "closed",
  cancelled: "cancelled",
  published: "published",
};

export function problemEventsHook(events: TicketEventBus) {
  return async (tx: Tx, change: ProblemChange): Promise<void> => {
    const type = published[change.kind];
    if (!type) return;
    const { problem } = change;
    await events.publish(tx, {
      ref: { kind: PROBLEM_PREFIX, key: String(problem.number) },
      type,
      at: problem.updatedAt,
      actorId: change.actor.person.id,
      data: {
        status: problem.status,
        serviceId: problem.service?.id ?? null,
        ...(problem.resolutionNote ? { resolutionNote: problem.resolutionNote } : {}),
        ...(problem.knownError ? { knownError: problem.knownError.ref } : {}),
      },
    });
  };
}
