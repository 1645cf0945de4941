import type { Tx } from "../db/client.js";
import { userText } from "../kernel/views/post-text.js";
import type { AlertBody, CardBody } from "./card-payload.js";
import { enqueueOutbox } from "./enqueue.js";
import type { ChatPlatform } from "./message.js";
import type { DirectMessageBody } from "./message-payload.js";
import { cardOrderingKey, channelOrderingKey } from "./ordering-keys.js";

/** One SLA alert on one platform: where it is posted, and who hears of it privately. */
export interface SlaAlertDelivery {
  /** Names the clock, cycle and threshold (`sla:12:c1:75`): the same alert is never queued twice. */
  readonly key: string;
  readonly platform: ChatPlatform;
  readonly alert: AlertBody;
  /** Channels it is posted in, each under its role in the key (`channel`, `escalation`); repeats dropped. */
  readonly channels: readonly { readonly role: string; readonly channelId: string | undefined }[];
  /** The ticket's own card, updated in place to show its clocks as of the alert (left out: no card). */
  readonly card?: {
    readonly channelId: string;
    readonly ticketKind: string;
    readonly ticketId: number;
    readonly body: CardBody;
  };
  /** Platform user ids told in a direct message, each under its role (`assignee`, `lead`); repeats dropped. */
  readonly people: readonly { readonly role: string; readonly userId: string | undefined }[];
  readonly at: Date;
}

/**
 * Queues an SLA warning or breach the same way for every kind of ticket (incidents, requests), in the
 * sweep's transaction: the alert card in each channel, the ticket's card updated, and the headline with the
 * alert card privately to each person.
 */
export async function enqueueSlaAlert(tx: Tx, delivery: SlaAlertDelivery): Promise<void> {
  const { key, platform, alert, at } = delivery;
  const posted = new Set<string>();
  for (const { role, channelId } of delivery.channels) {
    if (channelId === undefined || posted.has(channelId)) continue;
    posted.add(channelId);
    await enqueueOutbox(tx, {
      idempotencyKey: `${key}:${platform}:${role}`,
      platform,
      channelId,
      orderingKey: channelOrderingKey(platform, channelId),
      kind: "post_alert",
      body: alert,
      at,
    });
  }
  if (delivery.card) {
    const { channelId, ticketKind, ticketId, body } = delivery.card;
    await enqueueOutbox(tx, {
      idempotencyKey: `${key}:${platform}:card`,
      platform,
      channelId,
      orderingKey: cardOrderingKey(ticketKind, ticketId, platform),
      ref: { ticketKind, ticketId, purpose: "card" },
      kind: "update_card",
      body,
      at,
    });
  }
  const told = new Set<string>();
  for (const { role, userId } of delivery.people) {
    if (userId === undefined || told.has(userId)) continue;
    told.add(userId);
    const body: DirectMessageBody = { text: userText(alert.headline), card: alert.card };
    await enqueueOutbox(tx, {
      idempotencyKey: `${key}:${platform}:dm:${role}`,
      platform,
      channelId: userId,
      orderingKey: `dm:${platform}:${userId}`,
      kind: "direct_message",
      body,
      at,
    });
  }
}
