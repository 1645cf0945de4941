import type { Tx } from "../../db/client.js";
import type { TicketEventBus } from "../../kernel/tickets/events.js";
import type { ChangeEvent } from "./context.js";
import { CHANGE_PREFIX } from "./model.js";

/**
 * Change events other practices may act on (src/kernel/tickets/events.ts): every status transition, typed by
 * the status entered (`assess`, `authorize`, `scheduled`, `implement`, `review`, `closed`, `cancelled`,
 * `rejected`), with `data.closureCode` once known (`successful`, `rolled_back`, …). A problem whose fix is
 * the change is resolved on `closed` with `successful`.
 */
export function changeEventsHook(events: TicketEventBus) {
  return async (tx: Tx, event: ChangeEvent): Promise<void> => {
    const { change, previous } = event;
    if (previous !== null && previous.status === change.status) return;
    await events.publish(tx, {
      ref: { kind: CHANGE_PREFIX, key: String(change.number) },
      type: previous === null ? "raised" : change.status,
      at: change.updatedAt,
      actorId: event.actor.person.id,
      data: {
        status: change.status,
        serviceIds: change.services.map((service) => service.id),
        ...(change.closureCode ? { closureCode: change.closureCode } : {}),
      },
    });
  };
}
