import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { sendJson } from "../../../http/server.js";
import { privateNotice } from "../../../kernel/views/reply.js";
import { deliverConsoleReply } from "../deliver-reply.js";
import type { ConsoleDeps } from "../deps.js";
import { channelField, personField, requestIdField } from "../http/fields.js";
import { BadConsoleRequest, readJson } from "../http/respond.js";
import { actAndReply } from "./act.js";

const raiseBody = z.object({
  as: personField,
  channel: channelField,
  /** The console message someone wrote. */
  messageId: z.number().int().positive(),
  /** Which message action (the console's menu lists them); the first one when absent. */
  action: z.string().min(1).max(100).optional(),
  requestId: requestIdField,
});

/** A link back to the message, like Slack's permalink: the channel's page, scrolled to the message. */
function messageLink(req: IncomingMessage, channel: string, id: number): string {
  const scheme = req.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  return `${scheme}://${req.headers.host ?? "127.0.0.1"}/console?${new URLSearchParams({ channel })}#msg-${id}`;
}

/**
 * `POST /console/api/raise`: An action on a message ("Raise incident"), like Slack's message shortcut and
 * Discord's message command: the desk answers, e.g. with the create form prefilled from the message.
 */
export async function handleRaiseFromMessage(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, raiseBody);
  const message = await deps.store.find(body.messageId);
  if (message?.content.kind !== "chat") {
    const refusal = privateNotice(
      "error",
      "That message is gone or was not written by a person; raise the incident with /incident.",
    );
    const shown = await deliverConsoleReply(deps, refusal, { channelId: body.channel, personId: body.as });
    sendJson(res, 200, { duplicate: false, reply: shown });
    return;
  }
  const action = deps.desk.messageActions[0];
  if (!action) throw new BadConsoleRequest("OpsDesk has no action on messages.");
  await actAndReply(deps, res, body, {
    kind: "message_action",
    actionId: body.action ?? action.id,
    message: {
      text: message.content.text,
      link: messageLink(req, message.channelId, message.id),
      from: "the OpsDesk console",
    },
  });
}
