import type { types } from "@slack/bolt";
import type { CardAction } from "../../../kernel/views/card.js";
import { buttonActionId, buttonValue, cardActionsBlockId } from "./ids.js";
import { slackLimits } from "./limits.js";
import { plainLine, plainText } from "./text-objects.js";

export interface ActionsRender {
  readonly block: types.ActionsBlock | undefined;
  /** Actions beyond Slack's 25 elements per actions block, left out. */
  readonly dropped: number;
}

const confirmTitle = "Are you sure?";
const denyLabel = "Go back";

// Slack's default button style is written by omitting `style`; "default" is not an accepted value.
function styleOf(action: CardAction): { style?: "primary" | "danger" } {
  return action.style === "default" ? {} : { style: action.style };
}

function confirmOf(action: CardAction): { confirm?: types.ConfirmationDialog } {
  if (action.confirm === undefined) return {};
  return {
    confirm: {
      title: plainLine(confirmTitle, slackLimits.confirmTitle),
      text: plainText(action.confirm, slackLimits.confirmText),
      confirm: plainLine(action.label, slackLimits.confirmButton),
      deny: plainLine(denyLabel, slackLimits.confirmButton),
      ...(action.style === "danger" ? { style: "danger" as const } : {}),
    },
  };
}

export function button(action: CardAction): types.Button {
  return {
    type: "button",
    action_id: buttonActionId(action),
    value: buttonValue(action),
    text: plainLine(action.label, slackLimits.buttonText),
    ...styleOf(action),
    ...confirmOf(action),
  };
}

/**
 * The card's buttons in one actions block. Slack requires action_ids to be unique within the block, and a
 * second button with the same id would do the same thing, so repeats are left out.
 */
export function actionsBlock(actions: readonly CardAction[]): ActionsRender {
  const seen = new Set<string>();
  const distinct = actions.filter((action) => !seen.has(action.id) && seen.add(action.id));
  const shown = distinct.slice(0, slackLimits.actionsElements);
  const dropped = distinct.length - shown.length;
  if (shown.length === 0) return { block: undefined, dropped };
  return { block: { type: "actions", block_id: cardActionsBlockId, elements: shown.map(button) }, dropped };
}
