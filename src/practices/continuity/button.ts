import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import { ValidationError } from "../../kernel/errors.js";
import type { Plan } from "../../kernel/practice.js";
import { clipText } from "../../kernel/text/clip.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { continuityCommand } from "./command.js";
import type { ContinuityContext } from "./context.js";
import { runContinuityCommand } from "./handler.js";

const registry = defineRegistry([continuityCommand]);

export const continuityActions = {
  "continuity.start": "Start",
  "continuity.done": "Done",
  "continuity.blocked": "Blocked",
  "continuity.restored": "Service restored",
  "continuity.invoke": "Invoke continuity plan",
} as const;

/**
 * A checklist button (value `BCP-2#1`: the run and the step), "Service restored" (value `BCP-2`), or
 * "Invoke continuity plan" on a major incident's card (value `INC-7 payments`).
 */
export function planContinuityButton(ctx: ContinuityContext, actionId: string, value: string): Plan {
  const run = (subcommand: string, options: Record<string, string>): Plan => ({
    opensForm: false,
    run: (request) =>
      runContinuityCommand(
        { ...request, continuity: ctx },
        parseCommandOptions(registry, { command: "continuity", subcommand, options }),
      ),
  });
  switch (actionId) {
    case "continuity.start":
    case "continuity.done":
    case "continuity.blocked": {
      const [ref = "", step = ""] = value.split("#");
      return run(actionId.slice("continuity.".length), { ref, step });
    }
    case "continuity.restored":
      return run("restored", { ref: value });
    case "continuity.invoke": {
      const [incident = "", service = ""] = value.split(" ");
      if (!incident || !service) {
        return {
          opensForm: false,
          run: async () => {
            throw new ValidationError(`"${clipText(value, 40)}" does not name an incident and a service.`);
          },
        };
      }
      return run("invoke", { service, incident });
    }
    default:
      return {
        opensForm: false,
        run: async () =>
          privateNotice("error", "That button is no longer supported. Use /continuity status."),
      };
  }
}
