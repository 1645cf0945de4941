import { findChange } from "../core/changes/find-change.js";
import { CHANGE_PREFIX } from "../core/changes/model.js";
import { timezoneOf } from "../core/changes/person-timezone.js";
import { parseCommandOptions } from "../core/commands/parse-options.js";
import { commandRegistry } from "../core/commands/registry.js";
import { parseTicketNumber } from "../core/commands/ticket-reference.js";
import { ValidationError } from "../core/errors.js";
import { clipText } from "../core/text/clip.js";
import { changeActionFromId, changeActionPresentation, formForChangeAction } from "../core/views/index.js";
import type { ChangeInteractionContext } from "./change-context.js";
import { privateNotice, type Reply } from "./reply.js";
import { runChangeCommand } from "./run-change-command.js";

/**
 * A button on a change card or approval prompt: actions that need input open their form; the others run
 * at once. The change comes from the button's value, never from the message text.
 */
export async function runChangeButton(
  ctx: ChangeInteractionContext,
  actionId: string,
  ref: string,
): Promise<Reply> {
  const action = changeActionFromId(actionId);
  if (!action)
    return privateNotice(
      "error",
      "That button is no longer supported. Use /change show to get a fresh card.",
    );
  const number = parseTicketNumber(CHANGE_PREFIX, ref);
  if (number === undefined) throw new ValidationError(`"${clipText(ref, 40)}" is not a change number.`);
  const timezone = await timezoneOf(ctx.changes.db, ctx.actor.person.id, ctx.changes.timezone);
  const form = formForChangeAction(action, await findChange(ctx.changes.db, number), timezone);
  if (form) return { kind: "form", form };
  const parsed = parseCommandOptions(commandRegistry, {
    command: "change",
    subcommand: changeActionPresentation[action].subcommand,
    options: { ref },
  });
  if (parsed.command !== "change") throw new Error(`${action} did not resolve to a /change command`);
  return runChangeCommand(ctx, parsed);
}
