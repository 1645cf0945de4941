import type { ServerResponse } from "node:http";
import { claimRequest } from "../../../desk/claim-request.js";
import type { Interaction } from "../../../desk/interaction.js";
import { sendJson } from "../../../http/server.js";
import { deliverConsoleReply } from "../deliver-reply.js";
import type { ConsoleDeps } from "../deps.js";

export interface ActionRequest {
  as: string;
  channel: string;
  requestId?: string | undefined;
}

/**
 * What the command, button, form and raise endpoints share: hand the interaction to the desk as the
 * chosen person, once per request id, and answer with what to show. The answer is 200 even for a refusal:
 * the request was understood, and the refusal is the reply.
 */
export async function actAndReply(
  deps: ConsoleDeps,
  res: ServerResponse,
  request: ActionRequest,
  interaction: Interaction,
): Promise<void> {
  const reply = await deps.desk.handle({
    platform: "console",
    // Config people have a console identity named by their id (sync-config.ts); anyone else is met for
    // the first time, like a stranger in Slack, and gets no roles.
    user: { id: request.as, name: request.as },
    interaction,
    claimKey: request.requestId ? `request:${request.requestId}` : undefined,
  });
  if (!reply) {
    sendJson(res, 200, { duplicate: true, reply: null });
    return;
  }
  const shown = await deliverConsoleReply(deps, reply, { channelId: request.channel, personId: request.as });
  sendJson(res, 200, { duplicate: false, reply: shown });
}

/**
 * True the first time a request id is seen (or when there is none). A repeat is answered as a duplicate
 * and does nothing: a double click, or a page retrying after a lost answer.
 */
export async function firstDelivery(
  deps: ConsoleDeps,
  res: ServerResponse,
  request: Pick<ActionRequest, "requestId">,
): Promise<boolean> {
  if (!request.requestId) return true;
  if (await claimRequest(deps.db, "console", `request:${request.requestId}`, deps.clock.now())) return true;
  sendJson(res, 200, { duplicate: true, reply: null });
  return false;
}
