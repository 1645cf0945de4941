import { timezoneOf } from "../../kernel/people/person-timezone.js";
import type { Practice } from "../../kernel/practice.js";
import { adviseRecentRelease } from "./advise.js";
import { planReleaseButton } from "./button.js";
import { type ReleaseCommand, releaseCommand } from "./command.js";
import type { ReleaseContext } from "./context.js";
import { runReleaseCommand } from "./handler.js";
import { releaseOwner } from "./owner.js";
import { causedByActionId, releaseActionFromId, releaseActionPresentation } from "./views/actions.js";
import { releaseCreateForm } from "./views/forms.js";

/** Release management as the desk sees it: `/release`, its card's buttons, and advice for new incidents. */
export function releasesPractice(releases: ReleaseContext): Practice {
  return {
    id: "releases",
    commands: [releaseCommand],
    tickets: [releaseOwner(releases)],
    planCommand(call) {
      const command = call.parse() as ReleaseCommand;
      if (call.from !== "form" && command.subcommand === "new" && !command.args.name) {
        return {
          opensForm: true,
          run: async ({ actor }) => ({
            kind: "form",
            form: releaseCreateForm(await timezoneOf(releases.db, actor.person.id, releases.config.timezone)),
          }),
        };
      }
      return { opensForm: false, run: (request) => runReleaseCommand({ ...request, releases }, command) };
    },
    action(actionId) {
      if (actionId === causedByActionId) return { label: "Caused by", opensForm: false };
      const action = releaseActionFromId(actionId);
      if (!action) return undefined;
      const { label, confirm } = releaseActionPresentation[action];
      return { label, opensForm: false, ...(confirm ? { confirm } : {}) };
    },
    planAction: (actionId, value) => planReleaseButton(releases, actionId, value),
    advise: (tx, draft) => adviseRecentRelease(releases, tx, draft),
  };
}
