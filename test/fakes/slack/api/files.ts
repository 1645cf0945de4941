import { slackId } from "../ids.js";
import type { FakeChannel, FakeMessage, FakeSharedFile } from "../types.js";
import {
  fail,
  findChannel,
  type MethodContext,
  type MethodHandler,
  type MethodResult,
  missingArgument,
  str,
} from "./method.js";

/**
 * Slack's external upload flow (https://docs.slack.dev/messaging/working-with-files#upload):
 * files.getUploadURLExternal announces a file (name and byte length, optional `alt_txt`) and answers an
 * upload URL and a file id; the bytes are POSTed to that URL; files.completeUploadExternal shares the files
 * to a channel (or, with `channels`, to channel or user ids) with an optional `initial_comment`.
 */

/** https://docs.slack.dev/reference/methods/files.getUploadURLExternal: `alt_txt_too_large` over 1000. */
export const ALT_TXT_LIMIT = 1000;

export const getUploadURLExternal: MethodHandler = (ctx) => {
  const filename = str(ctx.args, "filename");
  if (!filename) return missingArgument("filename");
  const lengthText = str(ctx.args, "length");
  if (lengthText === undefined) return missingArgument("length");
  const length = Number(lengthText);
  if (!Number.isInteger(length) || length < 0) return fail("invalid_arguments");
  // "missing_argument: typically only occurs when the length provided is 0".
  if (length === 0) return fail("missing_argument");
  const altTxt = str(ctx.args, "alt_txt");
  if (altTxt !== undefined && [...altTxt].length > ALT_TXT_LIMIT) return fail("alt_txt_too_large");
  const id = slackId("F");
  ctx.state.uploads.set(id, {
    id,
    filename,
    length,
    ...(altTxt !== undefined ? { altTxt } : {}),
    completed: false,
  });
  return { ok: true, upload_url: ctx.state.uploadUrl(id), file_id: id };
};

interface FileEntry {
  id: string;
  title?: string;
}

function readFiles(value: unknown): FileEntry[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const entries: FileEntry[] = [];
  for (const item of value) {
    const entry = item as { id?: unknown; title?: unknown };
    if (typeof entry.id !== "string") return undefined;
    entries.push({ id: entry.id, ...(typeof entry.title === "string" ? { title: entry.title } : {}) });
  }
  return entries;
}

export const completeUploadExternal: MethodHandler = (ctx) => {
  const { state } = ctx;
  const entries = readFiles(ctx.args.files);
  if (!entries) return missingArgument("files");
  const shared: FakeSharedFile[] = [];
  for (const entry of entries) {
    const upload = state.uploads.get(entry.id);
    // A file never announced, never uploaded or already shared cannot be completed.
    if (!upload || upload.bytes === undefined || upload.completed) return fail("file_not_found");
    shared.push({
      id: upload.id,
      name: upload.filename,
      title: entry.title ?? upload.filename,
      mimetype: upload.filename.endsWith(".png") ? "image/png" : "application/octet-stream",
      filetype: upload.filename.split(".").pop() ?? "",
      size: upload.bytes.length,
      ...(upload.altTxt !== undefined ? { alt_txt: upload.altTxt } : {}),
    });
  }
  const targets = destinations(ctx);
  if ("error" in targets) return targets.error;
  const threadTs = str(ctx.args, "thread_ts");
  if (threadTs !== undefined && targets.channels.length !== 1) return fail("invalid_arguments");
  for (const channel of targets.channels) {
    if (channel.is_archived) return fail("is_archived");
    const isMember = channel.members.includes(state.botUserId);
    if (!isMember && (channel.is_private || !state.chatWritePublic)) return fail("not_in_channel");
    if (threadTs !== undefined && !state.message(channel.id, threadTs)) return fail("invalid_thread_ts");
  }
  for (const entry of entries) {
    const upload = state.uploads.get(entry.id);
    if (upload) upload.completed = true;
  }
  // Without a destination the files stay private to the app: no message.
  for (const channel of targets.channels) {
    const message: FakeMessage = {
      type: "message",
      channel: channel.id,
      ts: state.ts.next(),
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      text: str(ctx.args, "initial_comment") ?? "",
      files: shared.map((file) => ({ ...file })),
      user: state.botUserId,
      bot_id: state.botId,
      app_id: state.appId,
      team: state.teamId,
      reactions: [],
      pinned: false,
    };
    state.storeMessage(message);
  }
  return { ok: true, files: shared.map((file) => ({ id: file.id, title: file.title })) };
};

function destinations(ctx: MethodContext): { channels: FakeChannel[] } | { error: MethodResult } {
  if (str(ctx.args, "channel_id") !== undefined) {
    const found = findChannel(ctx, "channel_id");
    if ("error" in found) return { error: found.error };
    return { channels: [found.channel] };
  }
  const list = str(ctx.args, "channels");
  if (list === undefined) return { channels: [] };
  const channels: FakeChannel[] = [];
  // `channels` takes channel ids or user ids; a user id is their direct conversation with the app.
  for (const id of list.split(",").map((part) => part.trim())) {
    const channel = ctx.state.resolveChannel(id);
    if (!channel) return { error: fail("channel_not_found") };
    channels.push(channel);
  }
  return { channels };
}

/** https://docs.slack.dev/reference/methods/files.list: the `types` it knows. */
const FILE_TYPES = new Set(["all", "spaces", "snippets", "images", "gdocs", "zips", "pdfs"]);

/**
 * files.list (https://docs.slack.dev/reference/methods/files.list): the files shared so far, newest first,
 * optionally in one channel, between `ts_from` and `ts_to` (Unix seconds), of some `types`; `count` per
 * page (default 100). Unknown types answer `unknown_type`, an unknown channel `channel_not_found`.
 */
export const filesList: MethodHandler = (ctx) => {
  const channelId = str(ctx.args, "channel");
  if (channelId !== undefined && !ctx.state.resolveChannel(channelId)) return fail("channel_not_found");
  const types = (str(ctx.args, "types") ?? "all").split(",").map((type) => type.trim());
  if (types.some((type) => !FILE_TYPES.has(type))) return fail("unknown_type");
  const bound = (name: string) => {
    const text = str(ctx.args, name);
    return text === undefined ? undefined : Number(text);
  };
  const from = bound("ts_from");
  const to = bound("ts_to");
  const count = bound("count") ?? 100;
  if ([from, to, count].some((n) => n !== undefined && !Number.isFinite(n)) || count < 1)
    return fail("invalid_arguments");
  const found = new Map<string, FakeSharedFile & { created: number; channels: string[] }>();
  for (const message of ctx.state.messages.values()) {
    const created = Math.floor(Number(message.ts));
    if (channelId !== undefined && message.channel !== channelId) continue;
    if ((from !== undefined && created < from) || (to !== undefined && created > to)) continue;
    for (const file of message.files ?? []) {
      if (!types.includes("all") && !(types.includes("images") && file.mimetype.startsWith("image/")))
        continue;
      const entry = found.get(file.id) ?? { ...file, created, channels: [] };
      entry.channels.push(message.channel);
      found.set(file.id, entry);
    }
  }
  const files = [...found.values()].sort((a, b) => b.created - a.created);
  return {
    ok: true,
    files: files.slice(0, count),
    paging: { count, total: files.length, page: 1, pages: Math.max(1, Math.ceil(files.length / count)) },
  };
};
