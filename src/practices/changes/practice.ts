import type { Practice } from "../../kernel/practice.js";
import { planChangeButton } from "./button.js";
import { type ChangeCommand, changeCommand } from "./command.js";
import type { ChangeContext } from "./context.js";
import { runChangeCommand } from "./handler.js";
import { openChangeCreateForm, wantsChangeForm } from "./open-create-form.js";
import { changeOwner } from "./owner.js";
import { changeActionFromId, changeActionPresentation } from "./views/actions.js";

/** Change enablement as the desk sees it: `/change`, its buttons and approval prompts, change suggestions. */
export function changesPractice(deps: { changes: ChangeContext }): Practice {
  const { changes } = deps;
  return {
    id: "changes",
    commands: [changeCommand],
    tickets: [changeOwner(changes)],
    planCommand(call) {
      const command = call.parse() as ChangeCommand;
      // `/change` or `/change new` without a title, start or template: the form opens. A submitted form
      // never reopens itself.
      if (call.from !== "form" && command.subcommand === "new" && wantsChangeForm(command.args)) {
        return {
          opensForm: true,
          run: async ({ actor }) => ({ kind: "form", form: await openChangeCreateForm(changes, actor) }),
        };
      }
      return { opensForm: false, run: (request) => runChangeCommand({ ...request, changes }, command) };
    },
    action(actionId) {
      const action = changeActionFromId(actionId);
      if (!action) return undefined;
      const { label, form, confirm } = changeActionPresentation[action];
      return { label, opensForm: form !== undefined, ...(confirm ? { confirm } : {}) };
    },
    planAction: (actionId, value) => planChangeButton(changes, actionId, value),
  };
}
