import type { OpsdeskConfig } from "../../config/types.js";
import type { Tx } from "../../db/client.js";
import type { Platform } from "../../kernel/people/actor.js";
import type { TicketDirectory } from "../../kernel/tickets/directory.js";
import { linkSection } from "../../kernel/tickets/link-fields.js";
import type { CardBody, MajorRoomBody, ThreadLineBody } from "../../outbox/card-payload.js";
import { cardOrderingKey, enqueueOutbox } from "../../outbox/index.js";
import { availableIncidentActions } from "./available-actions.js";
import type { IncidentChange } from "./context.js";
import type { SlaRuntime } from "./sla/runtime.js";
import { slaLine } from "./sla/sla-line.js";
import { incidentCard } from "./views/card.js";
import { incidentTimelineLine } from "./views/timeline-line.js";

export interface IncidentPostsOptions {
  config: OpsdeskConfig;
  /** The platforms OpsDesk is connected to; posts are queued for each. */
  platforms: readonly Platform[];
  /** When given, the card carries the SLA line (run the SLA clocks hook before this one). */
  sla?: SlaRuntime;
  /** When given, the card shows the incident's links to other practices' items (problems, changes, CIs). */
  tickets?: TicketDirectory;
}

/**
 * The incident's public life in chat: its card in the service's incident channel (or the default one),
 * updated in place on every change, with a line per change in the card's thread, and a dedicated room
 * when it becomes major. Runs inside the change's transaction, so posts exist if and only if the change
 * committed; the idempotency key (incident, version, platform, kind) makes a replay a no-op.
 */
export function incidentPostsHook(options: IncidentPostsOptions) {
  return async (tx: Tx, change: IncidentChange): Promise<void> => {
    const { incident } = change;
    const sla = options.sla && (await slaLine(tx, options.sla, incident.id, incident.updatedAt));
    const linked =
      options.tickets &&
      (await linkSection(tx, options.tickets, { kind: "INC", key: String(incident.number) }));
    const card = incidentCard(incident, availableIncidentActions(incident), {
      ...(sla ? { sla } : {}),
      ...(linked ? { linked } : {}),
    });
    for (const platform of options.platforms) {
      const channelId = incidentChannel(options.config, platform, incident.service?.id);
      if (!channelId) continue;
      const base = {
        platform,
        channelId,
        orderingKey: cardOrderingKey("incident", incident.id, platform),
        ref: { ticketKind: "incident", ticketId: incident.id, purpose: "card" },
        at: change.incident.updatedAt,
      };
      const key = `incident:${incident.id}:v${incident.version}:${platform}`;
      const cardBody: CardBody = { card };
      await enqueueOutbox(tx, {
        ...base,
        idempotencyKey: `${key}:card`,
        kind: change.kind === "created" ? "post_card" : "update_card",
        body: cardBody,
      });
      const line = incidentTimelineLine(change);
      if (line) {
        const lineBody: ThreadLineBody = { text: line };
        await enqueueOutbox(tx, {
          ...base,
          idempotencyKey: `${key}:line`,
          kind: "thread_reply",
          body: lineBody,
        });
      }
      if (change.kind === "major_declared") {
        const room: MajorRoomBody = {
          name: majorRoomName(incident.number, incident.title),
          card,
          invite: [],
        };
        room.invite = await platformIdsOf(tx, platform, [incident.reporter.id, incident.assignee?.id]);
        await enqueueOutbox(tx, {
          ...base,
          ref: { ticketKind: "incident", ticketId: incident.id, purpose: "major_room" },
          idempotencyKey: `${key}:major_room`,
          kind: "open_major_room",
          body: room,
        });
      }
    }
  };
}

export function incidentChannel(
  config: OpsdeskConfig,
  platform: Platform,
  serviceId?: string,
): string | undefined {
  const service = serviceId ? config.services.find((s) => s.id === serviceId) : undefined;
  return service?.channels[platform] ?? config.channels.incidents[platform];
}

/** Slack channel names: lowercase letters, digits, hyphens; at most 80 characters. */
export function majorRoomName(number: number, title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `inc-${number}-${slug}`.slice(0, 80).replace(/-+$/, "");
}

async function platformIdsOf(
  tx: Tx,
  platform: Platform,
  personIds: (string | undefined)[],
): Promise<string[]> {
  const ids = [...new Set(personIds.filter((id): id is string => id !== undefined))];
  const identities = await tx.identity.findMany({ where: { platform, personId: { in: ids } } });
  return identities.map((identity) => identity.externalId);
}
