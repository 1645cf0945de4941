import type { Tx } from "../../db/client.js";
import { writeOnVersion } from "../../kernel/tickets/write-on-version.js";
import type { RequestContext } from "./context.js";
import { type RequestSnapshot, requestRef } from "./model.js";
import { findRequest, findRequestById } from "./snapshot.js";

class LostRace extends Error {}

/**
 * Runs one change of a request on the version it was decided on (kernel/tickets/write-on-version.ts):
 * `step` reads `seen`, may throw a refusal, then calls `claim` before its first write. The claim bumps the
 * version where it is still the one decided on; when another change won meanwhile, the step is dropped
 * (nothing was written yet) and decided again on the new state, so of two simultaneous clicks exactly one
 * applies and the other gets a clear "already done" or "not allowed now".
 */
export async function changeRequest<T>(
  ctx: RequestContext,
  number: number,
  step: (
    tx: Tx,
    seen: RequestSnapshot,
    claim: (data?: Record<string, unknown>) => Promise<void>,
  ) => Promise<T>,
): Promise<T> {
  return writeOnVersion(ctx, requestRef(number), async (tx) => {
    const seen = await findRequest(tx, number);
    const claim = async (data: Record<string, unknown> = {}) => {
      const claimed = await tx.serviceRequest.updateMany({
        where: { id: seen.id, version: seen.version },
        data: { ...data, version: { increment: 1 }, updatedAt: ctx.clock.now() },
      });
      if (claimed.count === 0) throw new LostRace();
    };
    try {
      return await step(tx, seen, claim);
    } catch (error) {
      if (error instanceof LostRace) return null;
      throw error;
    }
  });
}

/** The request as it is now, inside the transaction that changed it. */
export function reread(tx: Tx, seen: Pick<RequestSnapshot, "id">): Promise<RequestSnapshot> {
  return findRequestById(tx, seen.id);
}
