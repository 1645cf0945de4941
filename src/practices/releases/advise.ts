import type { Tx } from "../../db/client.js";
import type { Advice, ItemDraft } from "../../kernel/practice.js";
import type { ReleaseContext } from "./context.js";
import { RELEASE_PREFIX } from "./model.js";

/**
 * An item raised on a service that a release deployed to shortly before: the most recent such release is
 * suggested as the likely cause (a recent change is the first suspect in incident diagnosis, ITIL 4
 * incident management), for `releases.suspectFor` after deployment. People confirm it with the
 * "Caused by REL-n" button (owner.ts); nothing is recorded as a cause by timing alone.
 */
export async function adviseRecentRelease(
  ctx: ReleaseContext,
  tx: Tx,
  draft: ItemDraft,
): Promise<readonly Advice[]> {
  if (!draft.serviceId || draft.ref.kind === RELEASE_PREFIX) return [];
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - ctx.config.releases.suspectForMinutes * 60_000);
  const recent = await tx.release.findFirst({
    where: {
      deployedAt: { gte: since, lte: now },
      status: { in: ["deployed", "reviewed", "closed"] },
      services: { some: { serviceId: draft.serviceId } },
    },
    orderBy: { deployedAt: "desc" },
    select: { number: true },
  });
  return recent ? [{ to: { kind: RELEASE_PREFIX, key: String(recent.number) }, relation: "suggested" }] : [];
}
