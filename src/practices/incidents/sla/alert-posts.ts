import type { OpsdeskConfig } from "../../../config/types.js";
import type { Tx } from "../../../db/client.js";
import type { Platform } from "../../../kernel/people/actor.js";
import type { SlaClockFigures } from "../../../kernel/sla/clock/index.js";
import type { SlaEscalation } from "../../../kernel/sla/policy.js";
import { userText } from "../../../kernel/views/post-text.js";
import type { AlertBody, CardBody } from "../../../outbox/card-payload.js";
import { cardOrderingKey, channelOrderingKey, enqueueOutbox } from "../../../outbox/index.js";
import type { DirectMessageBody } from "../../../outbox/message-payload.js";
import { availableIncidentActions } from "../available-actions.js";
import type { IncidentSnapshot } from "../model.js";
import { incidentChannel } from "../posts.js";
import { incidentCard } from "../views/card.js";
import { slaAlertCard, slaAlertHeadline } from "./views/alert-card.js";
import { slaLineText } from "./views/text.js";

export interface SlaAlertPost {
  readonly incident: IncidentSnapshot;
  /** The clock that alerted, as of the alert. */
  readonly clock: SlaClockFigures;
  /** The incident's current clocks, for the card's SLA line. */
  readonly current: readonly SlaClockFigures[];
  readonly clockId: number;
  readonly percent: number;
  readonly breach: boolean;
  readonly escalation: SlaEscalation;
  readonly timezone: string;
  readonly at: Date;
}

/**
 * Queues everything one SLA alert says, in the sweep's transaction: the alert in the service's SLA channel
 * (or the default one), the card's SLA line updated in place, a private note to the assignee; for a breach
 * the alert mentions the assignee and the group's lead, and escalates as the policy says. Idempotency keys
 * name the clock, cycle, threshold and platform: the same alert can never be queued twice.
 */
export async function enqueueSlaAlertPosts(
  tx: Tx,
  options: { config: OpsdeskConfig; platforms: readonly Platform[] },
  post: SlaAlertPost,
): Promise<void> {
  const { incident } = post;
  const actions = availableIncidentActions(incident);
  const input = { ...post, actions };
  const card = slaAlertCard(input);
  const headline = slaAlertHeadline(input);
  const key = `sla:${post.clockId}:c${post.clock.cycle}:${post.percent}`;
  const serviceId = incident.service?.id;
  const service = serviceId ? options.config.services.find((s) => s.id === serviceId) : undefined;
  const groupId = incident.assignedGroup?.id ?? service?.owner;
  const leadId =
    post.breach && post.escalation.groupLead
      ? options.config.groups.find((group) => group.id === groupId)?.lead
      : undefined;

  for (const platform of options.platforms) {
    const assignee = await platformIdOf(tx, platform, incident.assignee?.id);
    const lead = await platformIdOf(tx, platform, leadId);
    const mentions = post.breach ? unique([assignee, lead]) : [];
    const alert: AlertBody = { card, mentions, headline };

    const alertChannel = service?.slaAlerts?.[platform] ?? options.config.channels.slaAlerts[platform];
    if (alertChannel) {
      await enqueueOutbox(tx, {
        idempotencyKey: `${key}:${platform}:channel`,
        platform,
        channelId: alertChannel,
        orderingKey: channelOrderingKey(platform, alertChannel),
        kind: "post_alert",
        body: alert,
        at: post.at,
      });
    }
    const escalationChannel = post.breach ? post.escalation.channel?.[platform] : undefined;
    if (escalationChannel && escalationChannel !== alertChannel) {
      await enqueueOutbox(tx, {
        idempotencyKey: `${key}:${platform}:escalation`,
        platform,
        channelId: escalationChannel,
        orderingKey: channelOrderingKey(platform, escalationChannel),
        kind: "post_alert",
        body: alert,
        at: post.at,
      });
    }

    const cardChannel = incidentChannel(options.config, platform, serviceId);
    if (cardChannel) {
      const body: CardBody = { card: incidentCard(incident, actions, { sla: slaLineText(post.current) }) };
      await enqueueOutbox(tx, {
        idempotencyKey: `${key}:${platform}:card`,
        platform,
        channelId: cardChannel,
        orderingKey: cardOrderingKey("incident", incident.id, platform),
        ref: { ticketKind: "incident", ticketId: incident.id, purpose: "card" },
        kind: "update_card",
        body,
        at: post.at,
      });
    }

    // Privately: the assignee hears of every alert; the lead of a breach they are escalated.
    for (const [who, userId] of [
      ["assignee", assignee],
      ["lead", lead],
    ] as const) {
      if (userId === undefined || (who === "lead" && userId === assignee)) continue;
      const body: DirectMessageBody = { text: userText(headline), card };
      await enqueueOutbox(tx, {
        idempotencyKey: `${key}:${platform}:dm:${who}`,
        platform,
        channelId: userId,
        orderingKey: `dm:${platform}:${userId}`,
        kind: "direct_message",
        body,
        at: post.at,
      });
    }
  }
}

function unique(ids: readonly (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

async function platformIdOf(
  tx: Tx,
  platform: Platform,
  personId: string | undefined,
): Promise<string | undefined> {
  if (personId === undefined) return undefined;
  const identity = await tx.identity.findFirst({ where: { platform, personId } });
  return identity?.externalId;
}
