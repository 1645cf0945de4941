// Test helpers: the fake's own Block Kit validators (what real Slack rejects), and a user filling in a modal.
import type { types, ViewStateValue } from "@slack/bolt";
import type { ViewStateValues } from "../../../src/adapters/slack/render/modal-values.js";
import {
  describeViolations,
  LIMITS,
  validateBlocks,
  validateView,
} from "../../fakes/slack/block-kit-limits.js";

/** Slack's error messages for a message's blocks; empty when Slack would accept them. */
export function messageProblems(blocks: unknown): string[] {
  return describeViolations(validateBlocks(blocks, "/blocks", LIMITS.blocksPerMessage));
}

export function viewProblems(view: unknown): string[] {
  return describeViolations(validateView(view));
}

/** Every text object's text in a block tree, to check nothing is empty or broken. */
export function allTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const own =
    (record.type === "plain_text" || record.type === "mrkdwn") && typeof record.text === "string"
      ? [record.text]
      : [];
  return [...own, ...Object.values(record).flatMap(allTexts)];
}

export type Answer = string | boolean | undefined;

function stateOf(element: types.InputBlock["element"], answer: Answer): ViewStateValue {
  switch (element.type) {
    case "plain_text_input":
      return { type: element.type, value: typeof answer === "string" && answer !== "" ? answer : null };
    case "static_select": {
      // Slack only ever submits one of the options it showed.
      const option = element.options?.find((candidate) => candidate.value === answer);
      if (answer !== undefined && option === undefined) throw new Error(`no option ${String(answer)}`);
      return {
        type: element.type,
        selected_option: option ? { text: option.text, value: answer as string } : null,
      };
    }
    case "users_select":
      return { type: element.type, selected_user: typeof answer === "string" ? answer : null };
    case "checkboxes":
      return {
        type: element.type,
        selected_options:
          answer === true
            ? element.options.map((o) => ({ text: o.text as types.PlainTextElement, value: o.value ?? "" }))
            : [],
      };
    default:
      throw new Error(`the modal helper does not fill ${element.type}`);
  }
}

/**
 * `view.state.values` as Slack sends them on submission: every input block by its block_id, its element by
 * action_id. `answers` are by action_id; a field left out submits what Slack sends for an untouched input
 * (the initial value where one was set).
 */
export function fillModal(view: types.ModalView, answers: Readonly<Record<string, Answer>>): ViewStateValues {
  const values: ViewStateValues = {};
  for (const block of view.blocks) {
    if (block.type !== "input" || block.block_id === undefined) continue;
    const input = block as types.InputBlock;
    const actionId = input.element.action_id ?? "";
    const answer = Object.hasOwn(answers, actionId) ? answers[actionId] : initialOf(input.element);
    values[block.block_id] = { [actionId]: stateOf(input.element, answer) };
  }
  return values;
}

function initialOf(element: types.InputBlock["element"]): Answer {
  switch (element.type) {
    case "plain_text_input":
      return element.initial_value;
    case "static_select":
      return element.initial_option?.value;
    case "users_select":
      return element.initial_user;
    case "checkboxes":
      return (element.initial_options?.length ?? 0) > 0;
    default:
      return undefined;
  }
}
