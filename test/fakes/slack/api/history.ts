import type { FakeMessage } from "../types.js";
import { wireMessage } from "./chat.js";
import { bool, fail, findChannel, type MethodContext, type MethodHandler, str } from "./method.js";

/**
 * conversations.history and conversations.replies, as far as a bot looking for its own earlier posts needs:
 * newest first (history) or oldest first (replies), `oldest`/`latest` bounds, `limit`, and message
 * metadata only with `include_all_metadata` (Slack leaves it out otherwise). No pagination: the fake's
 * channels are small.
 */
function readable(ctx: MethodContext) {
  const found = findChannel(ctx);
  if ("error" in found) return found;
  if (!found.channel.members.includes(ctx.state.botUserId)) return { error: fail("not_in_channel") };
  return found;
}

function inWindow(ctx: MethodContext) {
  const oldest = Number(str(ctx.args, "oldest") ?? "0");
  const latest = Number(str(ctx.args, "latest") ?? "Infinity");
  return (message: FakeMessage) => Number(message.ts) >= oldest && Number(message.ts) <= latest;
}

function shown(ctx: MethodContext) {
  const withMetadata = bool(ctx.args, "include_all_metadata");
  return (message: FakeMessage) => {
    const { metadata, ...rest } = wireMessage(message);
    return withMetadata && metadata !== undefined ? { ...rest, metadata } : rest;
  };
}

function limitOf(ctx: MethodContext): number {
  const limit = Number(str(ctx.args, "limit") ?? "100");
  return Number.isFinite(limit) && limit > 0 ? Math.min(limit, 999) : 100;
}

export const history: MethodHandler = (ctx) => {
  const found = readable(ctx);
  if ("error" in found) return found.error;
  const messages = [...ctx.state.messages.values()]
    .filter((m) => m.channel === found.channel.id && (m.thread_ts === undefined || m.thread_ts === m.ts))
    .filter(inWindow(ctx))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  const page = messages.slice(0, limitOf(ctx));
  return { ok: true, messages: page.map(shown(ctx)), has_more: messages.length > page.length };
};

export const replies: MethodHandler = (ctx) => {
  const found = readable(ctx);
  if ("error" in found) return found.error;
  const ts = str(ctx.args, "ts");
  if (ts === undefined) return fail("invalid_arguments");
  const parent = ctx.state.message(found.channel.id, ts);
  if (!parent) return fail("thread_not_found");
  const thread = [...ctx.state.messages.values()]
    .filter((m) => m.channel === found.channel.id && (m.ts === parent.ts || m.thread_ts === parent.ts))
    .filter(inWindow(ctx))
    .sort((a, b) => Number(a.ts) - Number(b.ts));
  const page = thread.slice(0, limitOf(ctx));
  return { ok: true, messages: page.map(shown(ctx)), has_more: thread.length > page.length };
};
