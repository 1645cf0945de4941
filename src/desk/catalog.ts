import type { CommandRegistry } from "../kernel/commands/command-spec.js";
import type { MessageActionSpec } from "../kernel/practice.js";
import { practiceModules } from "../practices/index.js";
import { commandRegistry } from "../practices/registry.js";

/**
 * What OpsDesk offers before anything runs, for the manifests and command registrations that adapters
 * generate offline (Slack's manifest, Discord's command list): every command and message action.
 */
export const deskCommands: CommandRegistry = commandRegistry;

export const deskMessageActions: readonly MessageActionSpec[] = practiceModules.flatMap(
  (module): readonly MessageActionSpec[] => ("messageActions" in module ? module.messageActions : []),
);
