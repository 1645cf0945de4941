import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { sendJson } from "../../../http/server.js";
import { privateNotice } from "../../../kernel/views/reply.js";
import { deliverConsoleReply } from "../deliver-reply.js";
import type { ConsoleDeps } from "../deps.js";
import { channelField, personField, requestIdField } from "../http/fields.js";
import { BadConsoleRequest, readJson } from "../http/respond.js";
import { messageJson } from "../messages/to-json.js";
import { consolePeople } from "../workspace.js";
import { actAndReply, firstDelivery } from "./act.js";

const commandBody = z.object({
  as: personField,
  channel: channelField,
  text: z.string().max(4000),
  requestId: requestIdField,
});

/**
 * `POST /console/api/command`: what was typed in the message box. A slash command runs with the same
 * grammar as Slack's (a bare `/incident` opens the form); anything else is a message in the channel,
 * which anyone can then raise an incident from.
 */
export async function handleCommand(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, commandBody);
  const line = body.text.trim();
  if (line === "")
    throw new BadConsoleRequest("The message is empty: type a slash command like /incident help.");
  if (!line.startsWith("/")) {
    if (await firstDelivery(deps, res, body)) await postChatMessage(deps, res, body, line);
    return;
  }
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match) {
    const shown = await deliverConsoleReply(
      deps,
      privateNotice("info", "Type a command after the slash, like /incident help."),
      { channelId: body.channel, personId: body.as },
    );
    sendJson(res, 200, { duplicate: false, reply: shown });
    return;
  }
  const [, command = "", text = ""] = match;
  await actAndReply(deps, res, body, { kind: "command_text", command, text });
}

async function postChatMessage(
  deps: ConsoleDeps,
  res: ServerResponse,
  body: { as: string; channel: string },
  text: string,
): Promise<void> {
  const author = consolePeople(deps.config).find((p) => p.id === body.as);
  const message = await deps.store.post({
    channelId: body.channel,
    content: { kind: "chat", text, authorId: body.as, authorName: author?.name ?? body.as },
  });
  sendJson(res, 200, {
    duplicate: false,
    reply: { kind: "posted", message: messageJson(message, deps.config.timezone) },
  });
}
