import { defineRegistry, type ParsedCommandIn } from "../kernel/commands/command-spec.js";
import { practiceModules } from "./index.js";

/** Every OpsDesk command, from the list of practices (src/practices/index.ts). */
type AnyPracticeCommand = (typeof practiceModules)[number]["commands"][number];
export const commandRegistry = defineRegistry<AnyPracticeCommand>(
  // flatMap over a tuple of differently typed modules loses the element type; it is exactly this union.
  practiceModules.flatMap((module): readonly AnyPracticeCommand[] => module.commands),
);

export type ParsedCommand = ParsedCommandIn<typeof commandRegistry>;
export type { ChangeCommand } from "./changes/command.js";
export type { ContinuityCommand } from "./continuity/command.js";
export type { IncidentCommand } from "./incidents/command.js";
export type { SlaCommand } from "./incidents/sla/command.js";
export type { ReleaseCommand } from "./releases/command.js";
