import { defineRegistry, type ParsedCommandIn } from "./command-spec.js";
import { incidentCommand } from "./incident-command.js";
import { slaCommand } from "./sla-command.js";

/** Every OpsDesk command. `/change`, `/problem`, `/request`, `/sla`, `/cmdb` and `/opsdesk` join here. */
export const commandRegistry = defineRegistry([incidentCommand, slaCommand]);

export type ParsedCommand = ParsedCommandIn<typeof commandRegistry>;
export type IncidentCommand = Extract<ParsedCommand, { command: "incident" }>;
export type SlaCommand = Extract<ParsedCommand, { command: "sla" }>;
