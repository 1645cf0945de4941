import { textChannel } from "../entities.js";
import { invalidFormBody, notFound } from "../http/errors.js";
import type { Router } from "../http/router.js";
import { asRecord } from "../json.js";
import { FormErrors } from "../limits/form-errors.js";

const GUILDS_INTENT = 1 << 0;

export function registerGuildRoutes(router: Router): void {
  router.add("GET", "/guilds/:guildId/channels", (context) => {
    if (context.param("guildId") !== context.state.config.guildId) throw notFound();
    return {
      status: 200,
      body: [...context.state.channels.values()].filter(
        (channel) => channel.type !== 11 && channel.type !== 12,
      ),
    };
  });
  router.add("POST", "/guilds/:guildId/channels", (context) => {
    const { state } = context;
    if (context.param("guildId") !== state.config.guildId) throw notFound();
    const input = asRecord(context.body);
    const errors = new FormErrors();
    errors.lengthBetween(["name"], input.name, 1, 100);
    if (!errors.empty) throw invalidFormBody(errors.toJSON());
    const channel = {
      ...textChannel(state.ids.next(), state.config.guildId, String(input.name), state.channels.size),
      type: typeof input.type === "number" ? input.type : 0,
      topic: typeof input.topic === "string" ? input.topic : null,
      parent_id: typeof input.parent_id === "string" ? input.parent_id : null,
      permission_overwrites: Array.isArray(input.permission_overwrites) ? input.permission_overwrites : [],
    };
    state.channels.set(channel.id, channel);
    state.dispatch("CHANNEL_CREATE", channel, GUILDS_INTENT);
    return { status: 201, body: channel };
  });
}
