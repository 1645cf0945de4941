import { changeCommand } from "./change-command.js";
import { defineRegistry, type ParsedCommandIn } from "./command-spec.js";
import { incidentCommand } from "./incident-command.js";
import { slaCommand } from "./sla-command.js";

/** Every OpsDesk command. `/problem`, `/request`, `/cmdb` and `/opsdesk` join here. */
export const commandRegistry = defineRegistry([incidentCommand, changeCommand, slaCommand]);

export type ParsedCommand = ParsedCommandIn<typeof commandRegistry>;
export type IncidentCommand = Extract<ParsedCommand, { command: "incident" }>;
export type ChangeCommand = Extract<ParsedCommand, { command: "change" }>;
export type SlaCommand = Extract<ParsedCommand, { command: "sla" }>;
