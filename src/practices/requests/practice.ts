import { FieldErrors } from "../../kernel/errors.js";
import type { AnyCommand, Practice } from "../../kernel/practice.js";
import { planRequestButton } from "./button.js";
import { type RequestCommand, requestCommand } from "./command.js";
import type { RequestContext } from "./context.js";
import { checkValues, problemsText, rawValuesOf } from "./field-values.js";
import { runRequestCommand } from "./handler.js";
import { requestOwner } from "./owner.js";
import { openItemForm, openNextForm } from "./submit.js";
import { requestActionFromId, requestActionPresentation } from "./views/actions.js";
import { fieldsInRange } from "./views/forms.js";

/** Service requests as the desk sees it: `/request`, the catalog picker, approvals, tasks, suggestions. */
export function requestsPractice(ctx: RequestContext): Practice {
  return {
    id: "requests",
    commands: [requestCommand],
    tickets: [requestOwner(ctx.db, ctx.config)],
    planCommand(call) {
      const command = call.parse() as RequestCommand & Pick<AnyCommand, "extra">;
      const fromForm = call.from === "form";
      // `/request laptop` with nothing else: its form opens. A submitted form never reopens itself.
      if (
        !fromForm &&
        command.subcommand === "new" &&
        command.args.item &&
        !command.args.values &&
        Object.keys(command.extra ?? {}).length === 0
      ) {
        const item = command.args.item;
        return {
          opensForm: true,
          run: async ({ actor, platform }) => ({
            kind: "form",
            form: await openItemForm(ctx, actor, platform, item),
          }),
        };
      }
      if (command.subcommand === "continue") {
        return {
          opensForm: true,
          run: async ({ actor, platform }) => ({
            kind: "form",
            form: await openNextForm(ctx, actor, platform),
          }),
        };
      }
      if (fromForm && command.subcommand === "new") precheckForm(ctx, command);
      return {
        opensForm: false,
        run: (request) => runRequestCommand(ctx, { ...request, fromForm }, command),
      };
    },
    action(actionId) {
      const action = requestActionFromId(actionId);
      if (!action) return undefined;
      const { label, form } = requestActionPresentation[action];
      return { label, opensForm: form !== undefined };
    },
    planAction: (actionId, value) => planRequestButton(ctx, actionId, value),
  };
}

/**
 * A submitted item form is checked while it is planned, before the platform is answered: Slack can only
 * keep a form open with errors beside its fields in that first answer. Everything but people (which need
 * the database) is checked here; the same checks run again when the request is recorded.
 */
function precheckForm(ctx: RequestContext, command: RequestCommand & Pick<AnyCommand, "extra">): void {
  if (command.subcommand !== "new" || !command.args.item) return;
  const item = ctx.config.requests.items.find((candidate) => candidate.id === command.args.item);
  const { range, draft: _draft, ...raw } = rawValuesOf(command.extra);
  const fields = item && fieldsInRange(item, typeof range === "string" ? range : undefined);
  if (!item || !fields) return;
  const { problems } = checkValues(item, fields, raw, { refuseUnknown: false });
  if (Object.keys(problems).length > 0) throw new FieldErrors(problems, problemsText(item, problems));
}
