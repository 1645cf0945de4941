import { findCommand } from "../kernel/commands/find-command.js";
import { parseCommandOptions } from "../kernel/commands/parse-options.js";
import { parseCommandText } from "../kernel/commands/parse-text.js";
import type { CommandCall, Plan, Practice } from "../kernel/practice.js";
import { formSubmissionToCommand } from "../kernel/views/form-submission.js";
import { privateNotice } from "../kernel/views/reply.js";
import type { Interaction } from "./interaction.js";
import type { PracticeRoutes } from "./route.js";

const staleButton: Plan = {
  opensForm: false,
  run: async () =>
    privateNotice("error", "That button is no longer supported. Show the ticket again to get a fresh card."),
};

/** Routes one interaction to the practice that owns it and asks it what the interaction means. */
export function planFor(routes: PracticeRoutes, interaction: Interaction): Plan {
  const { registry } = routes;
  switch (interaction.kind) {
    case "command_text": {
      const { command: name, text } = interaction;
      const practice = routes.byCommand(name) ?? unknownCommand(routes, name);
      return planCommand(routes, practice, {
        name,
        from: "text",
        bare: text.trim() === "",
        parse: () => parseCommandText(registry, name, text.trim()),
      });
    }
    case "command_options": {
      const { command: name, subcommand, options } = interaction;
      const practice = routes.byCommand(name) ?? unknownCommand(routes, name);
      // Bare: the command's default subcommand (or none) with nothing filled in, like `/incident` alone.
      const spec = findCommand(registry, name);
      const bare =
        (subcommand === undefined || subcommand === spec.defaultSubcommand) &&
        Object.values(options).every((value) => value === undefined || value === "");
      return planCommand(routes, practice, {
        name,
        from: "options",
        bare,
        parse: () =>
          parseCommandOptions(registry, { command: name, ...(subcommand ? { subcommand } : {}), options }),
      });
    }
    case "form": {
      const { submission } = interaction;
      const practice = routes.byId(submission.formId);
      if (!practice) throw new Error(`form ${submission.formId} belongs to no practice`);
      return practice.planCommand({
        name: submission.formId.split(".")[0] ?? "",
        from: "form",
        bare: false,
        parse: () => formSubmissionToCommand(registry, submission),
      });
    }
    case "button": {
      const practice = routes.byId(interaction.actionId);
      // An unknown id under a known practice is the practice's to explain (it knows its show command).
      if (!practice) return staleButton;
      return practice.planAction(interaction.actionId, interaction.value);
    }
    case "message_action": {
      const practice = routes.byMessageAction(interaction.actionId);
      if (!practice?.planMessageAction) return staleButton;
      return practice.planMessageAction(interaction.actionId, interaction.message);
    }
  }
}

/**
 * A typed command, unless its subcommand is forwarded to another practice (Practice.forwards): then it is
 * parsed at once (parsing does no I/O) and handed to the target with the same arguments.
 */
function planCommand(routes: PracticeRoutes, practice: Practice, call: CommandCall): Plan {
  const forwards = routes.forwardsOf(call.name);
  if (forwards.length === 0) return practice.planCommand(call);
  const parsed = call.parse();
  const forward = forwards.find((f) => f.subcommand === parsed.subcommand);
  if (!forward) return practice.planCommand({ ...call, parse: () => parsed });
  const target = routes.byCommand(forward.to.command) ?? unknownCommand(routes, forward.to.command);
  return target.planCommand({
    name: forward.to.command,
    from: call.from,
    bare: false,
    parse: () => ({ command: forward.to.command, subcommand: forward.to.subcommand, args: parsed.args }),
  });
}

function unknownCommand(routes: PracticeRoutes, name: string): never {
  // Throws the registry's own "not an OpsDesk command, did you mean …" error.
  findCommand(routes.registry, name);
  throw new Error(`/${name} is in the registry but no practice owns it`);
}
