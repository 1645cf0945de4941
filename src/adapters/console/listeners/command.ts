import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { parseCommandText } from "../../../core/commands/parse-text.js";
import { commandRegistry } from "../../../core/commands/registry.js";
import type { InteractionContext } from "../../../interactions/context.js";
import { openIncidentCreateForm } from "../../../interactions/open-create-form.js";
import { privateNotice, type Reply } from "../../../interactions/reply.js";
import { runIncidentCommand } from "../../../interactions/run-incident-command.js";
import type { ConsoleDeps } from "../deps.js";
import { channelField, personField, requestIdField } from "../http/fields.js";
import { readJson } from "../http/respond.js";
import { actAndReply } from "./act.js";

const commandBody = z.object({
  as: personField,
  channel: channelField,
  text: z.string().max(4000),
  requestId: requestIdField,
});

/**
 * `POST /console/api/command`: what was typed in the message box, the same grammar as Slack's slash
 * commands. A bare `/incident` opens the form, as in Slack.
 */
export async function handleCommand(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, commandBody);
  await actAndReply(deps, res, body, (ctx) => runTypedLine(ctx, body.text.trim()));
}

async function runTypedLine(ctx: InteractionContext, line: string): Promise<Reply> {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match)
    return privateNotice(
      "info",
      "The console takes slash commands, like Slack: type /incident help to see what you can do, or /incident to open the form.",
    );
  const [, name = "", text = ""] = match;
  if (name.toLowerCase() === "incident" && text.trim() === "")
    return { kind: "form", form: await openIncidentCreateForm(ctx.incidents.db) };
  const parsed = parseCommandText(commandRegistry, name, text);
  return runIncidentCommand(ctx, parsed);
}
