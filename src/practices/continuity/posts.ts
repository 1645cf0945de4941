import type { Tx } from "../../db/client.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { PostText } from "../../kernel/views/post-text.js";
import type { CardBody, ThreadLineBody } from "../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import { type ContinuityContext, serviceName } from "./context.js";
import type { RunSnapshot } from "./model.js";
import { runCard } from "./views/card.js";

/** Where a run's checklist lives: the service's channel, else the incidents channel. */
export function runChannel(ctx: Pick<ContinuityContext, "config">, platform: Platform, serviceId: string) {
  const service = ctx.config.services.find((s) => s.id === serviceId);
  return service?.channels[platform] ?? ctx.config.channels.incidents[platform];
}

/**
 * The run's checklist card, posted once and then updated in place (keyed by version, so a replay queues
 * nothing twice), and optionally a line in its thread (a warning, who did a step).
 */
export async function queueRunPosts(
  ctx: Pick<ContinuityContext, "config" | "platforms">,
  tx: Tx,
  run: RunSnapshot,
  options: { kind: "post" | "update"; now: Date; line?: PostText; lineKey?: string },
): Promise<void> {
  const groups = await tx.group.findMany({ select: { id: true, name: true } });
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
  const plan = ctx.config.continuity.plans.find((p) => p.serviceId === run.serviceId);
  const card = runCard(run, {
    serviceName: serviceName(ctx.config, run.serviceId),
    groupName,
    ...(plan ? { plan } : {}),
    now: options.now,
  });
  for (const platform of ctx.platforms) {
    const channelId = runChannel(ctx, platform, run.serviceId);
    if (!channelId) continue;
    const base = {
      platform,
      channelId,
      orderingKey: cardOrderingKey("continuity", run.id, platform),
      ref: { ticketKind: "continuity", ticketId: run.id, purpose: "card" },
      at: options.now,
    };
    const key = `continuity:${run.id}:v${run.version}:${platform}`;
    const body: CardBody = { card };
    await enqueueOutbox(tx, {
      ...base,
      idempotencyKey: `${key}:card`,
      kind: options.kind === "post" ? "post_card" : "update_card",
      body,
    });
    if (options.line) {
      const line: ThreadLineBody = { text: options.line };
      await enqueueOutbox(tx, {
        ...base,
        idempotencyKey: `continuity:${run.id}:${options.lineKey ?? `v${run.version}`}:${platform}:line`,
        kind: "thread_reply",
        body: line,
      });
    }
  }
}
