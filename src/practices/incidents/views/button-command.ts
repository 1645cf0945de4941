import { parseCommandOptions } from "../../../kernel/commands/parse-options.js";
import { commandRegistry, type IncidentCommand } from "../../registry.js";
import type { IncidentAction } from "../model.js";
import { incidentActionPresentation } from "./actions.js";

/**
 * The command a button without a form runs, e.g. Acknowledge on INC-7 is `/incident ack INC-7`. `ref` is the
 * action's `value` from the card, validated like typed text.
 */
export function incidentActionCommand(action: IncidentAction, ref: string): IncidentCommand {
  const { subcommand, form } = incidentActionPresentation[action];
  if (form !== undefined) throw new Error(`${action} needs input: open form ${form} instead`);
  const parsed = parseCommandOptions(commandRegistry, { command: "incident", subcommand, options: { ref } });
  if (parsed.command !== "incident") throw new Error(`${action} did not resolve to an /incident command`);
  return parsed;
}
