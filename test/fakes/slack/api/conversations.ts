import { slackId } from "../ids.js";
import { channelView, fail, findChannel, type MethodHandler, str } from "./method.js";

const NAME_MAX = 80;
const TOPIC_MAX = 250;

/**
 * conversations.create: "Channel names may only contain lowercase letters, numbers, hyphens, and underscores,
 * and must be 80 characters or less"; upper case counts as a special character (invalid_name_specials).
 */
function nameError(name: string | undefined): string | undefined {
  if (name === undefined || name === "") return "invalid_name_required";
  if (name.length > NAME_MAX) return "invalid_name_maxlength";
  if (!/^[a-z0-9_-]+$/.test(name)) return "invalid_name_specials";
  if (/^[_-]+$/.test(name)) return "invalid_name_punctuation";
  return undefined;
}

export const create: MethodHandler = (ctx) => {
  const name = str(ctx.args, "name");
  const error = nameError(name);
  if (error || name === undefined) return fail(error ?? "invalid_name_required");
  const taken = [...ctx.state.channels.values()].some((c) => !c.is_im && c.name === name);
  if (taken) return fail("name_taken");
  const isPrivate = str(ctx.args, "is_private") === "true" || ctx.args.is_private === true;
  const channel = ctx.state.newChannel(slackId(isPrivate ? "G" : "C"), name, {
    isPrivate,
    creator: ctx.state.botUserId,
    members: [ctx.state.botUserId],
  });
  return { ok: true, channel: channelView(channel, ctx.state.botUserId) };
};

export const invite: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const { channel } = found;
  if (channel.is_archived) return fail("is_archived");
  if (channel.is_im) return fail("method_not_supported_for_channel_type");
  if (!channel.members.includes(ctx.state.botUserId)) return fail("not_in_channel");
  const users = (str(ctx.args, "users") ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter((u) => u !== "");
  if (users.length === 0) return fail("no_user");
  // Slack validates the whole list before inviting anyone; `errors` names each failing user.
  const errors: { user: string; ok: false; error: string }[] = [];
  for (const user of users) {
    if (user === ctx.state.botUserId) errors.push({ user, ok: false, error: "cant_invite_self" });
    else if (!ctx.state.users.has(user)) errors.push({ user, ok: false, error: "user_not_found" });
    else if (channel.members.includes(user)) errors.push({ user, ok: false, error: "already_in_channel" });
  }
  const first = errors[0];
  if (first) return fail(first.error, { errors });
  channel.members.push(...users);
  return { ok: true, channel: channelView(channel, ctx.state.botUserId) };
};

export const join: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const { channel } = found;
  if (channel.is_private || channel.is_im) return fail("method_not_supported_for_channel_type");
  if (channel.is_archived) return fail("is_archived");
  if (channel.members.includes(ctx.state.botUserId)) {
    // Joining twice succeeds with a warning (conversations.join response example).
    return {
      ok: true,
      channel: channelView(channel, ctx.state.botUserId),
      warning: "already_in_channel",
      response_metadata: { warnings: ["already_in_channel"] },
    };
  }
  channel.members.push(ctx.state.botUserId);
  return { ok: true, channel: channelView(channel, ctx.state.botUserId) };
};

export const info: MethodHandler = (ctx) => {
  const id = str(ctx.args, "channel");
  const channel = id ? ctx.state.channels.get(id) : undefined;
  if (!channel) return fail("channel_not_found");
  if (channel.is_private && !channel.members.includes(ctx.state.botUserId)) return fail("channel_not_found");
  return { ok: true, channel: channelView(channel, ctx.state.botUserId) };
};

export const setTopic: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const { channel } = found;
  if (channel.is_archived) return fail("is_archived");
  if (!channel.members.includes(ctx.state.botUserId)) return fail("not_in_channel");
  const topic = str(ctx.args, "topic") ?? "";
  if (topic.length > TOPIC_MAX) return fail("too_long");
  channel.topic = {
    value: topic,
    creator: ctx.state.botUserId,
    last_set: Math.floor(ctx.state.now() / 1000),
  };
  return { ok: true, channel: channelView(channel, ctx.state.botUserId) };
};
