import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import { ValidationError } from "../../kernel/errors.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { parseTicketNumber } from "../../kernel/tickets/reference.js";
import {
  changeActionFromId,
  changeActionPresentation,
  formForChangeAction,
} from "../../kernel/views/index.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { commandRegistry } from "../registry.js";
import { findChange } from "./find-change.js";
import { runChangeCommand } from "./handler.js";
import type { ChangeInteractionContext } from "./interaction-context.js";
import { CHANGE_PREFIX } from "./model.js";

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
