import type { Plan, Practice, PracticeRequest } from "../../kernel/practice.js";
import { incidentActionTable } from "./action-table.js";
import { planIncidentButton } from "./button.js";
import { incidentCommand } from "./command.js";
import type { IncidentContext } from "./context.js";
import { runIncidentCommand } from "./handler.js";
import { openIncidentCreateForm, openIncidentFromMessage } from "./open-create-form.js";
import { incidentOwner } from "./owner.js";
import { slaCommand } from "./sla/command.js";
import { runSlaCommand } from "./sla/handler.js";
import type { SlaRuntime } from "./sla/runtime.js";
import { incidentActionFromId } from "./views/actions.js";

/** "Raise incident" on any chat message. */
export const RAISE_INCIDENT = {
  id: "raise_incident",
  label: "Raise incident",
  description: "Open an incident from this message",
} as const;

/**
 * Incident management (with its SLA clocks, `/sla`) as the desk sees it: its commands, its action table,
 * its message action, and suggestions of open incidents.
 */
export function incidentsPractice(deps: {
  incidents: IncidentContext;
  sla: SlaRuntime;
  /** Items of other practices the incidents are linked to changed (a linked problem was resolved). */
  onTicketEvent?: Practice["onTicketEvent"];
}): Practice {
  const { incidents, sla } = deps;
  const request = (r: PracticeRequest) => ({ ...r, incidents });
  return {
    id: "incidents",
    commands: [incidentCommand, slaCommand],
    // `/sla report` predates `/report`; one implementation answers both (the reports practice's).
    forwards: [{ command: "sla", subcommand: "report", to: { command: "report", subcommand: "sla" } }],
    tickets: [incidentOwner(incidents)],
    messageActions: [RAISE_INCIDENT],
    planCommand(call): Plan {
      // `/incident` alone: nothing to go on yet, so the form opens.
      if (call.name === "incident" && call.bare && call.from !== "form") {
        return {
          opensForm: true,
          run: async () => ({ kind: "form", form: await openIncidentCreateForm(incidents.db) }),
        };
      }
      const command = call.parse() as
        | Parameters<typeof runIncidentCommand>[1]
        | Parameters<typeof runSlaCommand>[1];
      if (command.command === "sla")
        return { opensForm: false, run: (r) => runSlaCommand({ ...request(r), sla }, command) };
      return { opensForm: false, run: (r) => runIncidentCommand(request(r), command) };
    },
    action(actionId) {
      const action = incidentActionFromId(actionId);
      if (!action) return undefined;
      const entry = incidentActionTable[action];
      return {
        label: entry.label,
        opensForm: "form" in entry,
        ...("confirm" in entry ? { confirm: entry.confirm } : {}),
      };
    },
    planAction: (actionId, value) => planIncidentButton(incidents, actionId, value),
    ...(deps.onTicketEvent ? { onTicketEvent: deps.onTicketEvent } : {}),
    planMessageAction: (_actionId, message) => ({
      opensForm: true,
      run: async () => ({ kind: "form", form: await openIncidentFromMessage(incidents.db, message) }),
    }),
  };
}
