import { invalidFormBody } from "../http/errors.js";
import type { Router } from "../http/router.js";
import { asRecord } from "../json.js";
import { FormErrors } from "../limits/form-errors.js";
import type { FakeChannel } from "../types.js";

const DM_CHANNEL = 1;

/**
 * Direct messages: `POST /users/@me/channels` with `recipient_id` opens (or returns the open) DM channel
 * with that user, as Discord does; messages posted to it are stored like any channel's.
 */
export function registerUserRoutes(router: Router): void {
  router.add("POST", "/users/@me/channels", (context) => {
    const input = asRecord(context.body);
    const errors = new FormErrors();
    if (typeof input.recipient_id !== "string" || !/^[0-9]{17,20}$/.test(input.recipient_id)) {
      errors.add(["recipient_id"], "NUMBER_TYPE_COERCE", "Value is not snowflake.");
    }
    if (!errors.empty) throw invalidFormBody(errors.toJSON());
    const recipient = String(input.recipient_id);
    const { state } = context;
    const existing = [...state.channels.values()].find(
      (channel) => channel.type === DM_CHANNEL && channel.recipient_id === recipient,
    );
    if (existing) return { status: 200, body: existing };
    const channel: FakeChannel = {
      id: state.ids.next(),
      type: DM_CHANNEL,
      name: "",
      guild_id: "",
      recipient_id: recipient,
      recipients: [
        {
          id: recipient,
          username: `user-${recipient.slice(-4)}`,
          discriminator: "0",
          global_name: null,
          avatar: null,
        },
      ],
      last_message_id: null,
      flags: 0,
    };
    state.channels.set(channel.id, channel);
    return { status: 200, body: channel };
  });
}
