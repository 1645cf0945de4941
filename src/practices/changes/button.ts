import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import { ValidationError } from "../../kernel/errors.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import type { Plan } from "../../kernel/practice.js";
import { clipText } from "../../kernel/text/clip.js";
import { parseTicketNumber } from "../../kernel/tickets/reference.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { changeCommand } from "./command.js";
import type { ChangeContext } from "./context.js";
import { findChange } from "./find-change.js";
import { runChangeCommand } from "./handler.js";
import { CHANGE_PREFIX } from "./model.js";
import { changeActionFromId, changeActionPresentation } from "./views/actions.js";
import { formForChangeAction } from "./views/forms.js";

const changes = defineRegistry([changeCommand]);

/**
 * A button on a change card or approval prompt: actions that need input open their form (the only case
 * that reads the change first, to prefill it, in the person's time zone); the others run at once. The
 * change comes from the button's value, never from the message text.
 */
export function planChangeButton(context: ChangeContext, actionId: string, value: string): Plan {
  const action = changeActionFromId(actionId);
  if (!action) {
    return {
      opensForm: false,
      run: async () =>
        privateNotice("error", "That button is no longer supported. Use /change show to get a fresh card."),
    };
  }
  const number = () => {
    const parsed = parseTicketNumber(CHANGE_PREFIX, value);
    if (parsed === undefined) throw new ValidationError(`"${clipText(value, 40)}" is not a change number.`);
    return parsed;
  };
  const presentation = changeActionPresentation[action];
  if (presentation.form !== undefined) {
    return {
      opensForm: true,
      run: async ({ actor }) => {
        const timezone = await timezoneOf(context.db, actor.person.id, context.timezone);
        const form = formForChangeAction(action, await findChange(context.db, number()), timezone);
        if (!form) throw new Error(`${action} declares a form but has none`);
        return { kind: "form", form };
      },
    };
  }
  return {
    opensForm: false,
    run: (request) => {
      const command = parseCommandOptions(changes, {
        command: "change",
        subcommand: presentation.subcommand,
        options: { ref: `${CHANGE_PREFIX}-${number()}` },
      });
      return runChangeCommand({ ...request, changes: context }, command);
    },
  };
}
