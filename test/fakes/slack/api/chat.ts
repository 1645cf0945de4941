import { LIMITS, validateBlocks } from "../block-kit-limits.js";
import type { FakeMessage } from "../types.js";
import {
  fail,
  failWithViolations,
  findChannel,
  type MethodContext,
  type MethodHandler,
  type MethodResult,
  str,
} from "./method.js";

/**
 * Slack documents truncating `text` beyond 40,000 characters for chat.postMessage and `msg_too_long` for
 * chat.update; the fake rejects in both so a test notices instead of shipping a silently cut message.
 */
const TEXT_LIMIT = 40_000;

type Content = { text: string; blocks?: unknown[]; attachments?: unknown[] } | { error: MethodResult };

/** Shared by every method that carries a message body (post, update, ephemeral, response_url). */
export function readContent(ctx: MethodContext, requireSome = true): Content {
  const text = str(ctx.args, "text") ?? "";
  const { blocks, attachments } = ctx.args;
  if (text.length > TEXT_LIMIT) return { error: fail("msg_too_long") };
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) return { error: fail("invalid_blocks_format") };
    const violations = validateBlocks(blocks, "/blocks", LIMITS.blocksPerMessage);
    if (violations.length > 0) return { error: failWithViolations("invalid_blocks", violations) };
  }
  if (attachments !== undefined && !Array.isArray(attachments)) return { error: fail("invalid_attachments") };
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (requireSome && text === "" && !hasBlocks && !hasAttachments) return { error: fail("no_text") };
  return {
    text,
    ...(Array.isArray(blocks) ? { blocks } : {}),
    ...(Array.isArray(attachments) ? { attachments } : {}),
  };
}

export function wireMessage(message: FakeMessage): Record<string, unknown> {
  const { channel: _channel, reactions, pinned: _pinned, replies: _replies, ...rest } = message;
  return reactions.length > 0 ? { ...rest, reactions } : rest;
}

export const postMessage: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const { channel } = found;
  const { state } = ctx;
  if (channel.is_archived) return fail("is_archived");
  const isMember = channel.members.includes(state.botUserId);
  if (!isMember && (channel.is_private || !state.chatWritePublic)) return fail("not_in_channel");
  const content = readContent(ctx);
  if ("error" in content) return content.error;
  let threadTs = str(ctx.args, "thread_ts");
  if (threadTs !== undefined) {
    const target = state.message(channel.id, threadTs);
    if (!target) return fail("message_not_found");
    // Replying to a reply lands in the same thread: the reply's thread_ts names the thread's parent.
    const parent = target.thread_ts !== undefined ? state.message(channel.id, target.thread_ts) : target;
    if (!parent) return fail("message_not_found");
    threadTs = parent.ts;
    parent.thread_ts = parent.ts;
    parent.reply_count = (parent.reply_count ?? 0) + 1;
  }
  const message: FakeMessage = {
    type: "message",
    channel: channel.id,
    ts: state.ts.next(),
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    ...content,
    ...(ctx.args.metadata !== undefined ? { metadata: ctx.args.metadata } : {}),
    user: state.botUserId,
    bot_id: state.botId,
    app_id: state.appId,
    team: state.teamId,
    reactions: [],
    pinned: false,
  };
  state.storeMessage(message);
  return { ok: true, channel: channel.id, ts: message.ts, message: wireMessage(message) };
};

export const update: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const ts = str(ctx.args, "ts");
  const message = ts ? ctx.state.message(found.channel.id, ts) : undefined;
  if (!message) return fail("message_not_found");
  if (message.user !== ctx.state.botUserId) return fail("cant_update_message");
  const content = readContent(ctx, false);
  if ("error" in content) return content.error;
  // chat.update keeps the old blocks when only text is sent, and clears them with `blocks: []`.
  message.text = content.text;
  if (content.blocks !== undefined) message.blocks = content.blocks;
  if (content.attachments !== undefined) message.attachments = content.attachments;
  message.edited = { user: ctx.state.botUserId, ts: ctx.state.ts.next() };
  return {
    ok: true,
    channel: found.channel.id,
    ts: message.ts,
    text: message.text,
    message: wireMessage(message),
  };
};

export const postEphemeral: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const user = str(ctx.args, "user");
  if (!user || !ctx.state.users.has(user)) return fail("user_not_found");
  if (!found.channel.members.includes(user)) return fail("user_not_in_channel");
  const content = readContent(ctx);
  if ("error" in content) return content.error;
  const ts = ctx.state.ts.next();
  const threadTs = str(ctx.args, "thread_ts");
  ctx.state.ephemerals.push({
    channel: found.channel.id,
    user,
    ts,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    via: "chat.postEphemeral",
    deleted: false,
  });
  return { ok: true, message_ts: ts };
};

export const getPermalink: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const ts = str(ctx.args, "message_ts");
  const message = ts ? ctx.state.message(found.channel.id, ts) : undefined;
  if (!message) return fail("message_not_found");
  // Permalinks drop the dot from the ts and prefix "p"; thread replies add thread_ts and cid.
  let permalink = `https://${ctx.state.teamDomain}.slack.com/archives/${found.channel.id}/p${message.ts.replace(".", "")}`;
  if (message.thread_ts !== undefined && message.thread_ts !== message.ts) {
    permalink += `?thread_ts=${message.thread_ts}&cid=${found.channel.id}`;
  }
  return { ok: true, channel: found.channel.id, permalink };
};

export const deleteMessage: MethodHandler = (ctx) => {
  const found = findChannel(ctx);
  if ("error" in found) return found.error;
  const ts = str(ctx.args, "ts");
  const message = ts ? ctx.state.message(found.channel.id, ts) : undefined;
  if (!message) return fail("message_not_found");
  // A bot token may delete only the bot's own messages.
  if (message.user !== ctx.state.botUserId) return fail("cant_delete_message");
  ctx.state.deleteMessage(found.channel.id, message.ts);
  return { ok: true, channel: found.channel.id, ts: message.ts };
};
