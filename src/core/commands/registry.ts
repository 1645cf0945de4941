import { changeCommand } from "./change-command.js";
import { defineRegistry, type ParsedCommandIn } from "./command-spec.js";
import { incidentCommand } from "./incident-command.js";

/** Every OpsDesk command. `/problem`, `/request`, `/sla`, `/cmdb` and `/opsdesk` join here. */
export const commandRegistry = defineRegistry([incidentCommand, changeCommand]);

export type ParsedCommand = ParsedCommandIn<typeof commandRegistry>;
export type IncidentCommand = Extract<ParsedCommand, { command: "incident" }>;
export type ChangeCommand = Extract<ParsedCommand, { command: "change" }>;
