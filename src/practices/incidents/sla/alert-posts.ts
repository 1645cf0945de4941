import type { OpsdeskConfig } from "../../../config/types.js";
import type { Tx } from "../../../db/client.js";
import type { Platform } from "../../../kernel/people/actor.js";
import type { SlaClockFigures } from "../../../kernel/sla/clock/index.js";
import type { SlaEscalation } from "../../../kernel/sla/policy.js";
import type { AlertBody, CardBody } from "../../../outbox/card-payload.js";
import { enqueueSlaAlert } from "../../../outbox/sla-alert.js";
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
    const cardChannel = incidentChannel(options.config, platform, serviceId);
    const cardBody: CardBody = { card: incidentCard(incident, actions, { sla: slaLineText(post.current) }) };
    await enqueueSlaAlert(tx, {
      key,
      platform,
      alert,
      channels: [
        { role: "channel", channelId: alertChannel },
        { role: "escalation", channelId: post.breach ? post.escalation.channel?.[platform] : undefined },
      ],
      ...(cardChannel
        ? { card: { channelId: cardChannel, ticketKind: "incident", ticketId: incident.id, body: cardBody } }
        : {}),
      // The assignee hears of every alert; the lead of a breach they are escalated.
      people: [
        { role: "assignee", userId: assignee },
        { role: "lead", userId: lead },
      ],
      at: post.at,
    });
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
