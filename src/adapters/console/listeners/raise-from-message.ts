import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { privateNotice } from "../../../kernel/views/reply.js";
import { incidentLimits } from "../../../practices/incidents/model.js";
import { openIncidentCreateForm } from "../../../practices/incidents/open-create-form.js";
import type { ConsoleDeps } from "../deps.js";
import { channelField, personField, requestIdField } from "../http/fields.js";
import { readJson } from "../http/respond.js";
import { actAndReply } from "./act.js";

const raiseBody = z.object({
  as: personField,
  channel: channelField,
  /** The console message someone wrote. */
  messageId: z.number().int().positive(),
  requestId: requestIdField,
});

/** A link back to the message, like Slack's permalink: the channel's page, scrolled to the message. */
function messageLink(req: IncomingMessage, channel: string, id: number): string {
  const scheme = req.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  return `${scheme}://${req.headers.host ?? "127.0.0.1"}/console?${new URLSearchParams({ channel })}#msg-${id}`;
}

/**
 * `POST /console/api/raise`: "Raise incident" on a message, like Slack's message shortcut and Discord's
 * message command: the create form, prefilled with the message and where it was written.
 */
export async function handleRaiseFromMessage(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, raiseBody);
  await actAndReply(deps, res, body, async (ctx) => {
    const message = await deps.store.find(body.messageId);
    if (message?.content.kind !== "chat")
      return privateNotice(
        "error",
        "That message is gone or was not written by a person; raise the incident with /incident.",
      );
    const { text } = message.content;
    const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
    const description = `${text}\n\nFrom the OpsDesk console: ${messageLink(req, message.channelId, message.id)}`;
    return {
      kind: "form",
      form: await openIncidentCreateForm(ctx.incidents.db, {
        title: firstLine.slice(0, incidentLimits.titleMax),
        description: description.slice(0, incidentLimits.descriptionMax),
      }),
    };
  });
}
