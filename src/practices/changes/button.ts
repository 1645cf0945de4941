import { findChange } from "./find-change.js";
import { CHANGE_PREFIX } from "./model.js";
import { timezoneOf } from "./person-timezone.js";
import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import { commandRegistry } from "../../kernel/commands/registry.js";
import { parseTicketNumber } from "../../kernel/commands/ticket-reference.js";
import { ValidationError } from "../../kernel/errors.js";
import { changeActionFromId, changeActionPresentation, formForChangeAction } from "../../kernel/views/index.js";
import type { ChangeInteractionContext } from "./interaction-context.js";
import { privateNotice, type Reply } from "../../desk/reply.js";
import { runChangeCommand } from "./handler.js";

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
  if (number === undefined) throw new ValidationError(`"${ref.slice(0, 40)}" is not a change number.`);
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
