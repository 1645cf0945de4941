import { defineRegistry, type ParsedCommandIn } from "../kernel/commands/command-spec.js";
import { changeCommand } from "./changes/command.js";
import { incidentCommand } from "./incidents/command.js";
import { slaCommand } from "./incidents/sla/command.js";

/** Every OpsDesk command. `/problem`, `/request`, `/cmdb` and `/opsdesk` join here. */
export const commandRegistry = defineRegistry([incidentCommand, changeCommand, slaCommand]);

export type ParsedCommand = ParsedCommandIn<typeof commandRegistry>;
export type IncidentCommand = Extract<ParsedCommand, { command: "incident" }>;
export type ChangeCommand = Extract<ParsedCommand, { command: "change" }>;
export type SlaCommand = Extract<ParsedCommand, { command: "sla" }>;
