import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../../../http/server.js";
import type { ConsoleDeps } from "../deps.js";
import { channelField, personField } from "../http/fields.js";
import { BadConsoleRequest, queryOf } from "../http/respond.js";
import { messageJson } from "../messages/to-json.js";

function param(req: IncomingMessage, name: string, schema: typeof personField | typeof channelField): string {
  const parsed = schema.safeParse(queryOf(req).get(name) ?? "");
  if (!parsed.success) throw new BadConsoleRequest(`Query parameter ${name} is missing or not valid.`);
  return parsed.data;
}

/** `GET /console/api/messages?channel=%23incidents&as=ada`: the channel as that person sees it. */
export async function handleChannelMessages(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const channel = param(req, "channel", channelField);
  const as = param(req, "as", personField);
  const messages = await deps.store.channel(channel, as);
  sendJson(res, 200, { channel, messages: messages.map((m) => messageJson(m, deps.config.timezone)) });
}

/** `GET /console/api/thread?id=12&as=ada`: a card and the lines in its thread. */
export async function handleThread(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const id = Number(queryOf(req).get("id"));
  const as = param(req, "as", personField);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new BadConsoleRequest("Query parameter id must be a message id.");
  const thread = await deps.store.thread(id, as);
  if (!thread) {
    sendJson(res, 404, { error: "not_found", message: `There is no message ${id} you can see.` });
    return;
  }
  const tz = deps.config.timezone;
  sendJson(res, 200, {
    root: messageJson(thread.root, tz),
    replies: thread.replies.map((m) => messageJson(m, tz)),
  });
}

/** `GET /console/api/private?as=ada`: every private reply that person got, in any channel. */
export async function handlePrivateReplies(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const as = param(req, "as", personField);
  const messages = await deps.store.privateTo(as);
  sendJson(res, 200, { messages: messages.map((m) => messageJson(m, deps.config.timezone)) });
}
