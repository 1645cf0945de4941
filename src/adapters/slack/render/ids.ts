import type { CardAction } from "../../../kernel/views/card.js";
import type { Form } from "../../../kernel/views/form.js";
import { SlackRenderError } from "./errors.js";
import { slackLimits } from "./limits.js";

/**
 * How OpsDesk identifies things in Slack payloads, in one place: renderers encode with these and listeners
 * decode with them, so nobody parses ids out of message text.
 *
 * Buttons (block_actions):
 *   action_id = the card action's id, e.g. `incident.resolve` (core `incidentActionId`); decode it with core
 *               `incidentActionFromId`. Unique within a message: a card never shows the same action twice.
 *   value     = the card action's value: the ticket reference, e.g. `INC-7`.
 *   block_id  = `card.actions` for the actions block of a card.
 * Modals (view_submission):
 *   callback_id      = the form id, `<command>.<subcommand>`, e.g. `incident.resolve`.
 *   input block_id   = `field.<field id>`; the element's action_id = the field id (the command argument).
 *   private_metadata = JSON `{"hidden":{…},"extra":{…}}`: the form's hidden values (e.g. `ref`) and what the
 *                      adapter carries through the modal (see private-metadata.ts).
 * Message shortcuts: callback_id = the message action id of a practice (e.g. `raise_incident`).
 *
 * Ids are never truncated: a cut id would route to the wrong handler, so an overlong one is an error.
 */
export const cardActionsBlockId = "card.actions";

const fieldBlockPrefix = "field.";

function checkedId(what: string, id: string, max: number): string {
  if (id.length === 0 || id.length > max) {
    throw new SlackRenderError(
      "identifier_too_long",
      `${what} "${id.slice(0, 40)}" must be 1 to ${max} characters`,
    );
  }
  return id;
}

export function buttonActionId(action: CardAction): string {
  return checkedId("action_id", action.id, slackLimits.actionId);
}

export function buttonValue(action: CardAction): string {
  return checkedId("button value", action.value, slackLimits.buttonValue);
}

export function formCallbackId(form: Form): string {
  return checkedId("callback_id", form.id, slackLimits.callbackId);
}

/** The form id a view_submission's callback_id names; the same string by the scheme above. */
export function formIdFromCallbackId(callbackId: string): string {
  return callbackId;
}

export function fieldBlockId(fieldId: string): string {
  return checkedId("block_id", `${fieldBlockPrefix}${fieldId}`, slackLimits.blockId);
}

export function fieldActionId(fieldId: string): string {
  return checkedId("action_id", fieldId, slackLimits.actionId);
}

/** The field id of an input block, or undefined for blocks the renderer did not create as form fields. */
export function fieldIdFromBlockId(blockId: string): string | undefined {
  return blockId.startsWith(fieldBlockPrefix) ? blockId.slice(fieldBlockPrefix.length) : undefined;
}

/** The value of a checkbox field's single option; a ticked box submits it, an empty one submits nothing. */
export const checkboxOnValue = "true";
