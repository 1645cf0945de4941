import {
  formForIncidentAction,
  incidentActionCommand,
  incidentActionFromId,
} from "../../kernel/views/index.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { findIncident, parseIncidentRef } from "./find-incident.js";
import { runIncidentCommand } from "./handler.js";
import type { InteractionContext } from "./interaction-context.js";

/**
 * A button on an incident card: actions that need input open their form; the others run at once. The
 * ticket comes from the button's value, never from the message text.
 */
export async function runIncidentButton(
  ctx: InteractionContext,
  actionId: string,
  ref: string,
): Promise<Reply> {
  const action = incidentActionFromId(actionId);
  if (!action)
    return privateNotice(
      "error",
      "That button is no longer supported. Use /incident show to get a fresh card.",
    );
  const form = formForIncidentAction(action, await findIncident(ctx.incidents.db, parseIncidentRef(ref)));
  if (form) return { kind: "form", form };
  return runIncidentCommand(ctx, incidentActionCommand(action, ref));
}
