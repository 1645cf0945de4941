import { invalidFormBody } from "../http/errors.js";
import type { Router } from "../http/router.js";
import { asRecord } from "../json.js";
import type { FakeChannel } from "../types.js";

const DM_CHANNEL = 1;

/**
 * `POST /users/@me/channels` opens (or returns the existing) direct-message channel between the bot and a
 * user, as Discord does; messages posted there are stored like any channel's, so tests can read them.
 */
export function registerDirectMessageRoutes(router: Router): void {
  router.add("POST", "/users/@me/channels", ({ state, body }) => {
    const recipient = asRecord(body).recipient_id;
    if (typeof recipient !== "string" || !/^\d{17,20}$/.test(recipient)) {
      throw invalidFormBody({
        recipient_id: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] },
      });
    }
    const existing = [...state.channels.values()].find(
      (channel) =>
        channel.type === DM_CHANNEL && (channel.recipient_ids as string[] | undefined)?.includes(recipient),
    );
    if (existing) return { status: 200, body: existing };
    const channel: FakeChannel = {
      id: state.ids.next(),
      type: DM_CHANNEL,
      name: "",
      guild_id: "",
      last_message_id: null,
      recipient_ids: [recipient],
      recipients: [
        {
          id: recipient,
          username: `user-${recipient.slice(-4)}`,
          discriminator: "0",
          global_name: null,
          avatar: null,
        },
      ],
    };
    state.channels.set(channel.id, channel);
    return { status: 200, body: channel };
  });
}

/** The direct-message channel with a user, if the bot opened one. */
export function directMessageChannel(
  channels: Iterable<FakeChannel>,
  userId: string,
): FakeChannel | undefined {
  return [...channels].find(
    (channel) =>
      channel.type === DM_CHANNEL && (channel.recipient_ids as string[] | undefined)?.includes(userId),
  );
}
