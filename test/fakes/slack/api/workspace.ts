// auth.test, users.info, pins.add and reactions.add: small methods about the workspace and its items.
import { fail, findChannel, type MethodHandler, str } from "./method.js";

export const authTest: MethodHandler = ({ state }) => ({
  ok: true,
  url: `https://${state.teamDomain}.slack.com/`,
  team: "OpsDesk Fake",
  user: "opsdesk",
  team_id: state.teamId,
  user_id: state.botUserId,
  bot_id: state.botId,
  is_enterprise_install: false,
});

/** Socket Mode: a one-time WebSocket URL (the router only lets the app-level token call this). */
export const appsConnectionsOpen: MethodHandler = ({ state }) => ({ ok: true, url: state.issueSocketUrl() });

export const usersInfo: MethodHandler = ({ state, args }) => {
  const id = str(args, "user");
  const user = id ? state.users.get(id) : undefined;
  if (!user) return fail("user_not_found");
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: state.teamId,
      name: user.name,
      real_name: user.real_name,
      deleted: user.deleted ?? false,
      is_bot: user.is_bot ?? false,
      is_app_user: false,
      tz: user.tz ?? "Europe/London",
      profile: {
        real_name: user.real_name,
        display_name: user.name,
        ...(user.email !== undefined ? { email: user.email } : {}),
        team: state.teamId,
      },
    },
  };
};

export const pinsAdd: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  if (!found.channel.members.includes(ctx.state.botUserId)) return fail("not_in_channel");
  const ts = str(ctx.args, "timestamp");
  if (!ts) return fail("no_item_specified");
  const message = ctx.state.message(found.channel.id, ts);
  if (!message) return fail("message_not_found");
  if (message.pinned) return fail("already_pinned");
  message.pinned = true;
  return { ok: true };
};

export const reactionsAdd: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const ts = str(ctx.args, "timestamp");
  if (!ts) return fail("no_item_specified");
  const message = ctx.state.message(found.channel.id, ts);
  if (!message) return fail("message_not_found");
  // reactions.add documents bare names ("thumbsup"); the fake refuses ":thumbsup:" to keep callers on that form.
  // Skin tones ("thumbsup::skin-tone-2") keep their inner colons.
  const name = str(ctx.args, "name");
  if (!name || name.startsWith(":") || name.endsWith(":") || name.includes(" ")) return fail("invalid_name");
  const reaction = message.reactions.find((r) => r.name === name);
  if (reaction?.users.includes(ctx.state.botUserId)) return fail("already_reacted");
  if (reaction) {
    reaction.users.push(ctx.state.botUserId);
    reaction.count += 1;
  } else {
    message.reactions.push({ name, users: [ctx.state.botUserId], count: 1 });
  }
  return { ok: true };
};
