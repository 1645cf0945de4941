import type { OpsdeskConfig } from "../../config/types.js";
import { type Db, transactionOptions } from "../../db/client.js";
import type { Platform } from "../../kernel/people/actor.js";
import { postText } from "../../kernel/views/post-text.js";
import { channelOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import type { TextMessageBody } from "../../outbox/message-payload.js";
import type { JobDefinition } from "../../scheduler/index.js";
import { formatDay } from "./fields.js";
import { warningDays } from "./model.js";

export interface AssetWarningDeps {
  db: Db;
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  onQueued?: () => void;
}

const day = 86_400_000;
const over = ["retired", "disposed"];

/**
 * The asset channel's warnings at `now`: licences expiring within 30 days, licences with fewer free seats
 * than their minimum, warranties ending within 30 days. Each is queued under a key naming what it warns of
 * (the expiry date, the seat count, the warranty's end), so however often the job runs, on however many
 * replicas, each warning is posted once; a changed expiry or seat count is a new warning.
 */
export async function queueAssetWarnings(deps: AssetWarningDeps, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + warningDays * day);
  const live = { status: { notIn: over } };
  const [expiring, warranties, watched] = await Promise.all([
    deps.db.asset.findMany({ where: { ...live, kind: "licence", expiresAt: { gte: now, lte: horizon } } }),
    deps.db.asset.findMany({ where: { ...live, warrantyEnd: { gte: now, lte: horizon } } }),
    deps.db.asset.findMany({ where: { ...live, kind: "licence", minFreeSeats: { not: null } } }),
  ]);
  const warnings: { key: string; text: ReturnType<typeof postText> }[] = [];
  for (const a of expiring) {
    // Calendar days from today (UTC) to the expiry date: a licence expiring tomorrow has 1 day left.
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const left = Math.floor(((a.expiresAt as Date).getTime() - today) / day);
    warnings.push({
      key: `asset:${a.id}:expiry:${formatDay(a.expiresAt)}`,
      text: postText`Licence ${a.model} (${a.serial}) expires on ${formatDay(a.expiresAt)}, in ${left} day${left === 1 ? "" : "s"}.`,
    });
  }
  for (const a of warranties)
    warnings.push({
      key: `asset:${a.id}:warranty:${formatDay(a.warrantyEnd)}`,
      text: postText`Warranty of ${a.model} (${a.serial}) ends on ${formatDay(a.warrantyEnd)}.`,
    });
  for (const a of watched) {
    const used = await deps.db.assetHandover.count({
      where: { assetId: a.id, status: "accepted", returnedAt: null },
    });
    const free = (a.seats ?? 1) - used;
    if (free >= (a.minFreeSeats as number)) continue;
    warnings.push({
      key: `asset:${a.id}:seats:${used}`,
      text: postText`Licence ${a.model} (${a.serial}) has ${free} free seat${free === 1 ? "" : "s"} of ${a.seats ?? 1}, below the minimum of ${a.minFreeSeats as number}.`,
    });
  }
  if (warnings.length === 0) return 0;
  let queued = 0;
  await deps.db.$transaction(async (tx) => {
    for (const platform of deps.platforms) {
      const channelId = deps.config.assets.channels[platform];
      if (!channelId) continue;
      for (const warning of warnings) {
        const body: TextMessageBody = { text: warning.text, mentions: [] };
        const fresh = await enqueueOutbox(tx, {
          platform,
          channelId,
          orderingKey: channelOrderingKey(platform, channelId),
          kind: "post_message",
          idempotencyKey: `${warning.key}:${platform}`,
          body,
          at: now,
        });
        if (fresh) queued++;
      }
    }
  }, transactionOptions);
  if (queued > 0) deps.onQueued?.();
  return queued;
}

/** Hourly: a warning is due on the day it becomes true, not to the minute. One replica per slot. */
export function assetWarningsJob(deps: AssetWarningDeps): JobDefinition {
  return {
    name: "asset-warnings",
    every: "1h",
    async run({ now }) {
      await queueAssetWarnings(deps, now);
    },
  };
}
