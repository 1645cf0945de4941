import type { Plan } from "../../kernel/practice.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { type AnyIncidentActionEntry, incidentActionTable } from "./action-table.js";
import type { IncidentContext } from "./context.js";
import { findIncident, parseIncidentRef } from "./find-incident.js";
import { applyAndTell, personLookup } from "./handler.js";
import type { IncidentAction } from "./model.js";
import { fixedByProblemInput } from "./problem-resolved.js";
import { incidentActionFromId } from "./views/actions.js";

/**
 * A button on an incident card, straight from the action table: an action that needs input opens its form
 * (the only case that reads the incident first, to prefill it); the others become their validated input
 * at once. The ticket comes from the button's value, never from the message text.
 */
export function planIncidentButton(incidents: IncidentContext, actionId: string, value: string): Plan {
  const action = incidentActionFromId(actionId);
  if (!action) {
    return {
      opensForm: false,
      run: async () =>
        privateNotice("error", "That button is no longer supported. Use /incident show to get a fresh card."),
    };
  }
  const entry: AnyIncidentActionEntry = incidentActionTable[action];
  const { form } = entry as { form?: AnyIncidentActionEntry["form"] };
  if (form) {
    return {
      opensForm: true,
      run: async () => ({
        kind: "form",
        form: form(await findIncident(incidents.db, parseIncidentRef(value))),
      }),
    };
  }
  return {
    opensForm: false,
    run: async (request) => {
      const ctx = { ...request, incidents };
      const number = parseIncidentRef(value);
      if (action === "resolve_fixed_by_problem")
        return applyAndTell(ctx, action, number, await fixedByProblemInput(incidents, number));
      return applyAndTell(ctx, action, number, await buttonInput(action, number, ctx));
    },
  };
}

/** Actions without a form take nothing but the ticket: their input is their arguments `{ ref }`. */
function buttonInput(action: IncidentAction, ref: number, ctx: Parameters<typeof personLookup>[0]) {
  const input = incidentActionTable[action].input as (
    args: { ref: number },
    people: ReturnType<typeof personLookup>,
  ) => ReturnType<AnyIncidentActionEntry["input"]>;
  return input({ ref }, personLookup(ctx));
}
