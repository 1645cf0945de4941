import { ValidationError } from "../../kernel/errors.js";
import type { Plan } from "../../kernel/practice.js";
import { parseTicketNumber } from "../../kernel/tickets/reference.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { type AnyProblemActionEntry, problemActionFromId, problemActionTable } from "./action-table.js";
import type { ProblemContext } from "./context.js";
import { findProblem } from "./find-problem.js";
import { applyAndTell } from "./handler.js";
import { PROBLEM_PREFIX, type ProblemAction } from "./model.js";

/**
 * A button on a problem card, straight from the action table: an action that needs input opens its form
 * (prefilled from the problem); the others run at once. The problem comes from the button's value, never
 * from the message text.
 */
export function planProblemButton(problems: ProblemContext, actionId: string, value: string): Plan {
  const action = problemActionFromId(actionId);
  if (!action) {
    return {
      opensForm: false,
      run: async () =>
        privateNotice("error", "That button is no longer supported. Use /problem show to get a fresh card."),
    };
  }
  const entry: AnyProblemActionEntry = problemActionTable[action];
  if (entry.form) {
    const form = entry.form;
    return {
      opensForm: true,
      run: async () => ({ kind: "form", form: form(await findProblem(problems.db, numberOf(value))) }),
    };
  }
  return {
    opensForm: false,
    run: (request) =>
      applyAndTell({ ...request, problems }, action, numberOf(value), inputOf(action, numberOf(value))),
  };
}

function inputOf(action: ProblemAction, ref: number) {
  const entry = problemActionTable[action] as AnyProblemActionEntry;
  return (entry.input as (args: { ref: number }) => ReturnType<AnyProblemActionEntry["input"]>)({ ref });
}

function numberOf(value: string): number {
  const number = parseTicketNumber(PROBLEM_PREFIX, value);
  if (number === undefined)
    throw new ValidationError(`"${value}" is not a problem. Use /problem show PRB-4.`);
  return number;
}
