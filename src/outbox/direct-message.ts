import type { Tx } from "../db/client.js";
import { enqueueOutbox } from "./enqueue.js";
import type { ChatPlatform } from "./message.js";
import type { DirectMessageBody } from "./message-payload.js";

/**
 * Queues one direct message to a person on each of `platforms` where OpsDesk knows their chat account, in the
 * caller's transaction. `key` names the cause; the platform is appended, so a replay queues nothing twice.
 * Messages to one account arrive in order (`dm:<platform>:<user>`).
 */
export async function enqueueDirectMessageToPerson(
  tx: Tx,
  message: {
    readonly personId: string;
    readonly platforms: readonly ChatPlatform[];
    readonly body: DirectMessageBody;
    readonly key: string;
    readonly at: Date;
  },
): Promise<void> {
  const identities = await tx.identity.findMany({
    where: { personId: message.personId, platform: { in: [...message.platforms] } },
  });
  for (const identity of identities) {
    const platform = identity.platform as ChatPlatform;
    await enqueueOutbox(tx, {
      platform,
      channelId: identity.externalId,
      orderingKey: `dm:${platform}:${identity.externalId}`,
      kind: "direct_message",
      idempotencyKey: `${message.key}:${platform}`,
      body: message.body,
      at: message.at,
    });
  }
}
