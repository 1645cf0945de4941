import type { ServerResponse } from "node:http";
import { claimRequest } from "../../../desk/claim-request.js";
import { errorReply } from "../../../desk/error-reply.js";
import { sendJson } from "../../../http/server.js";
import type { Reply } from "../../../kernel/views/reply.js";
import type { ChangeInteractionContext } from "../../../practices/changes/interaction-context.js";
import type { InteractionContext } from "../../../practices/incidents/interaction-context.js";
import type { SlaRuntime } from "../../../practices/incidents/sla/runtime.js";
import { deliverConsoleReply } from "../deliver-reply.js";
import type { ConsoleDeps } from "../deps.js";
import { consoleActor } from "../identity.js";

/** Who acts, from the console, with both the incident and the change services. */
export type ConsoleInteraction = InteractionContext & ChangeInteractionContext & { sla: SlaRuntime };

export interface ActionRequest {
  as: string;
  channel: string;
  requestId?: string | undefined;
}

/**
 * What the command, button and form endpoints share: act once per request id, as the chosen person, turn
 * any failure into a private explanation, and answer with what to show. The answer is 200 even for a
 * refusal: the request was understood, and the refusal is the reply.
 */
export async function actAndReply(
  deps: ConsoleDeps,
  res: ServerResponse,
  request: ActionRequest,
  run: (ctx: ConsoleInteraction) => Promise<Reply>,
  options: { asFieldErrors?: boolean } = {},
): Promise<void> {
  if (!(await firstDelivery(deps, res, request))) return;
  const { db } = deps.incidents;
  let reply: Reply;
  try {
    reply = await deps.work(async () => {
      const actor = await consoleActor(db, request.as);
      return run({
        platform: "console",
        actor,
        incidents: deps.incidents,
        changes: deps.changes,
        sla: deps.sla,
      });
    });
  } catch (error) {
    reply = errorReply(error, deps.log, options);
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
  const { db, clock } = deps.incidents;
  if (!request.requestId) return true;
  if (await claimRequest(db, "console", `request:${request.requestId}`, clock.now())) return true;
  sendJson(res, 200, { duplicate: true, reply: null });
  return false;
}
