import type { OpsdeskConfig } from "../../config/types.js";
import type { Tx } from "../../db/client.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import { linkSection } from "../../kernel/tickets/link-fields.js";
import type { CardBody, ThreadLineBody } from "../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import type { ProblemChange } from "./context.js";
import { PROBLEM_TICKET_KIND } from "./create-problem.js";
import { PROBLEM_PREFIX } from "./model.js";
import { availableProblemActions, problemCard } from "./views/card.js";
import { problemTimelineLine } from "./views/timeline-line.js";

export interface ProblemPostsOptions {
  config: OpsdeskConfig;
  platforms: readonly Platform[];
  tickets: TicketDirectory;
}

/**
 * A problem's public life in chat, like an incident's: its card in its service's channel (else the default
 * incidents channel, where the incidents it explains were raised), updated in place on every change, with a
 * line per change in the card's thread. Queued in the change's transaction; the keys carry the version, so a
 * replay queues nothing twice.
 */
export function problemPostsHook(options: ProblemPostsOptions) {
  return async (tx: Tx, change: ProblemChange): Promise<void> => {
    const { problem } = change;
    const linked = await linkSection(tx, options.tickets, {
      kind: PROBLEM_PREFIX,
      key: String(problem.number),
    });
    const card = problemCard(problem, availableProblemActions(problem), linked);
    const line = problemTimelineLine(change);
    for (const platform of options.platforms) {
      const channelId = problemChannel(options.config, platform, problem.service?.id);
      if (!channelId) continue;
      const base = {
        platform,
        channelId,
        orderingKey: cardOrderingKey(PROBLEM_TICKET_KIND, problem.id, platform),
        ref: { ticketKind: PROBLEM_TICKET_KIND, ticketId: problem.id, purpose: "card" },
        at: problem.updatedAt,
      };
      const key = `problem:${problem.id}:v${problem.version}:${platform}`;
      const cardBody: CardBody = { card };
      await enqueueOutbox(tx, {
        ...base,
        idempotencyKey: `${key}:card`,
        kind: change.kind === "created" ? "post_card" : "update_card",
        body: cardBody,
      });
      if (line) {
        const lineBody: ThreadLineBody = { text: line };
        await enqueueOutbox(tx, {
          ...base,
          idempotencyKey: `${key}:line`,
          kind: "thread_reply",
          body: lineBody,
        });
      }
    }
  };
}

export function problemChannel(
  config: OpsdeskConfig,
  platform: Platform,
  serviceId?: string,
): string | undefined {
  const service = serviceId ? config.services.find((s) => s.id === serviceId) : undefined;
  return service?.channels[platform] ?? config.channels.incidents[platform];
}
