import type { IncomingMessage, ServerResponse } from "node:http";
import { readContent } from "./api/chat.js";
import { bool, str } from "./api/method.js";
import { loneSurrogateError, mediaType, parseBody, readRawBody, sendJson } from "./http-io.js";
import {
  type IssuedResponseUrl,
  RESPONSE_URL_MAX_USES,
  RESPONSE_URL_TTL_MS,
  type SlackState,
} from "./state.js";
import type { Args, RecordedCall } from "./types.js";

/**
 * What a response_url post did. Slack's docs ("Handling user interaction") define the knobs:
 * `replace_original` / `delete_original` act on the message the interaction came from; otherwise
 * `response_type: "in_channel"` posts a visible message and the default (`ephemeral`) posts one only the user sees.
 */
export type ResponseEffect =
  | "deleted_original"
  | "replaced_original"
  | "posted_in_channel"
  | "posted_ephemeral";

function deleteOriginal(state: SlackState, url: IssuedResponseUrl): boolean {
  const { channelId, messageTs, isEphemeral } = url.context;
  if (messageTs === undefined) return false;
  if (isEphemeral) {
    const ephemeral = state.ephemerals.find((e) => e.channel === channelId && e.ts === messageTs);
    if (ephemeral) ephemeral.deleted = true;
    return ephemeral !== undefined;
  }
  return state.deleteMessage(channelId, messageTs);
}

// Replacing with text only drops the old blocks: the posted payload is the whole new message.
function replaceOriginal(
  state: SlackState,
  url: IssuedResponseUrl,
  text: string,
  blocks?: unknown[],
): boolean {
  const { channelId, messageTs, isEphemeral } = url.context;
  if (messageTs === undefined) return false;
  if (isEphemeral) {
    const ephemeral = state.ephemerals.find(
      (e) => e.channel === channelId && e.ts === messageTs && !e.deleted,
    );
    if (!ephemeral) return false;
    ephemeral.text = text;
    ephemeral.blocks = blocks ?? [];
    return true;
  }
  const message = state.message(channelId, messageTs);
  if (!message) return false;
  message.text = text;
  message.blocks = blocks ?? [];
  message.edited = { user: state.botUserId, ts: state.ts.next() };
  return true;
}

type Outcome = { status: number; body: Args; effect?: ResponseEffect };

function apply(state: SlackState, url: IssuedResponseUrl, args: Args): Outcome {
  if (bool(args, "delete_original")) {
    deleteOriginal(state, url);
    return { status: 200, body: { ok: true }, effect: "deleted_original" };
  }
  const content = readContent({ state, args });
  if ("error" in content) return { status: 400, body: content.error };
  if (bool(args, "replace_original") && replaceOriginal(state, url, content.text, content.blocks)) {
    return { status: 200, body: { ok: true }, effect: "replaced_original" };
  }
  const threadTs = str(args, "thread_ts");
  if (str(args, "response_type") === "in_channel") {
    state.storeMessage({
      type: "message",
      channel: url.context.channelId,
      ts: state.ts.next(),
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      text: content.text,
      ...(content.blocks ? { blocks: content.blocks } : {}),
      user: state.botUserId,
      bot_id: state.botId,
      app_id: state.appId,
      team: state.teamId,
      reactions: [],
      pinned: false,
    });
    return { status: 200, body: { ok: true }, effect: "posted_in_channel" };
  }
  state.ephemerals.push({
    channel: url.context.channelId,
    user: url.context.userId,
    ts: state.ts.next(),
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    via: "response_url",
    deleted: false,
  });
  return { status: 200, body: { ok: true }, effect: "posted_ephemeral" };
}

export async function handleResponseUrl(
  state: SlackState,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  record: (call: RecordedCall) => void,
): Promise<void> {
  const rawBytes = await readRawBody(req);
  const raw = rawBytes.toString("utf8");
  const contentType = req.headers["content-type"] ?? "";
  const parsed = mediaType(contentType) === "application/json" ? parseBody(raw, contentType) : undefined;
  const args: Args = parsed?.ok ? parsed.args : {};
  const reply = (outcome: Outcome): void => {
    const response = outcome.effect ? { ...outcome.body, effect: outcome.effect } : outcome.body;
    record({
      method: "response_url",
      args: { ...args, response_url_id: id },
      auth: "none",
      contentType,
      time: state.now(),
      status: outcome.status,
      response,
    });
    sendJson(res, outcome.status, outcome.body);
  };
  const url = state.responseUrls.get(id);
  // Error strings below are what hooks.slack.com is widely reported to answer; Slack documents only the limits.
  if (!url) return reply({ status: 404, body: { ok: false, error: "no_service" } });
  if (state.now() - url.issuedAt > RESPONSE_URL_TTL_MS) {
    return reply({ status: 404, body: { ok: false, error: "expired_url" } });
  }
  if (url.uses >= RESPONSE_URL_MAX_USES)
    return reply({ status: 404, body: { ok: false, error: "used_url" } });
  if (!parsed?.ok) return reply({ status: 400, body: { ok: false, error: "invalid_payload" } });
  // Not valid Unicode: refused like a body that is not JSON (see loneSurrogateError).
  const surrogate = loneSurrogateError(rawBytes, args, true);
  if (surrogate) {
    return reply({
      status: 400,
      body: { ok: false, error: "invalid_payload", response_metadata: { messages: [surrogate.message] } },
    });
  }
  url.uses += 1;
  reply(apply(state, url, args));
}
