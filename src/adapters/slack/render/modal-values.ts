import type { ViewOutput, ViewStateValue } from "@slack/bolt";
import { checkboxOnValue, fieldActionId, fieldIdFromBlockId } from "./ids.js";

/** `view.state.values` of a view_submission: block_id → action_id → the element's state. */
export type ViewStateValues = ViewOutput["state"]["values"];

/**
 * What one element submitted, as the text the command grammar reads. An empty input, an unpicked select
 * and an unticked box arrive as null, missing or `[]`; all become "" or "false", which the grammar treats
 * as not given (or as the boolean false).
 */
function submittedText(state: ViewStateValue): string | undefined {
  switch (state.type) {
    case "plain_text_input":
      return state.value ?? "";
    case "static_select":
      return state.selected_option?.value ?? "";
    case "users_select":
      return state.selected_user ?? "";
    case "checkboxes":
      return String((state.selected_options ?? []).some((option) => option.value === checkboxOnValue));
    default:
      return undefined;
  }
}

/**
 * The inverse of `renderForm`'s fields: field id → submitted value, the map `formSubmissionToCommand`
 * expects. Blocks the renderer did not create as fields, and element types it never renders, are ignored.
 */
export function readModalValues(values: ViewStateValues): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const fieldId = fieldIdFromBlockId(blockId);
    if (fieldId === undefined) continue;
    const state = actions[fieldActionId(fieldId)];
    const text = state === undefined ? undefined : submittedText(state);
    if (text !== undefined) fields[fieldId] = text;
  }
  return fields;
}
