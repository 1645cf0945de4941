import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ConsoleDeps } from "../deps.js";
import { channelField, personField, requestIdField } from "../http/fields.js";
import { readJson } from "../http/respond.js";
import { actAndReply } from "./act.js";

const buttonBody = z.object({
  as: personField,
  channel: channelField,
  /** The card action's id, e.g. `incident.ack`. */
  action: z.string().min(1).max(100),
  /** The card action's value: the ticket, never read from the message text. */
  value: z.string().max(2000),
  requestId: requestIdField,
});

/**
 * `POST /console/api/button`: a button on a card (an incident's, a change's or an approval prompt's).
 * Actions that need input answer with their form.
 */
export async function handleButton(deps: ConsoleDeps, req: IncomingMessage, res: ServerResponse) {
  const body = await readJson(req, buttonBody);
  await actAndReply(deps, res, body, { kind: "button", actionId: body.action, value: body.value });
}
