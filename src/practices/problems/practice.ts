import type { Plan, Practice } from "../../kernel/practice.js";
import { activeServices } from "../../kernel/services.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { problemActionFromId, problemActionTable } from "./action-table.js";
import { adviseKnownError } from "./advise.js";
import { type AppliedWorkaround, applyWorkaround } from "./apply-workaround.js";
import { planProblemButton } from "./button.js";
import { type ProblemCommand, problemCommand } from "./command.js";
import type { ProblemContext } from "./context.js";
import { runProblemCommand } from "./handler.js";
import { APPLY_WORKAROUND, knownErrorOwner } from "./known-error-owner.js";
import { onChangeClosed } from "./on-ticket-event.js";
import { problemOwner } from "./owner.js";
import { answerCluster } from "./recurring/answer.js";
import { DISMISS, OPEN_PROBLEM } from "./recurring/card.js";
import type { RecurringDeps } from "./recurring/run.js";
import { problemCreateForm } from "./views/forms.js";

/** Problem management as the desk sees it: `/problem`, its buttons, PRB suggestions and change events. */
export function problemsPractice(deps: { problems: ProblemContext; recurring: RecurringDeps }): Practice {
  const { problems } = deps;
  return {
    id: "problems",
    commands: [problemCommand],
    tickets: [problemOwner(problems), knownErrorOwner()],
    planCommand(call): Plan {
      // `/problem` alone: nothing to go on yet, so the form opens.
      if (call.bare && call.from !== "form") {
        return {
          opensForm: true,
          run: async () => ({ kind: "form", form: problemCreateForm(await activeServices(problems.db)) }),
        };
      }
      const command = call.parse() as ProblemCommand;
      return { opensForm: false, run: (request) => runProblemCommand({ ...request, problems }, command) };
    },
    action(actionId) {
      if (actionId === APPLY_WORKAROUND) return { label: "Apply workaround", opensForm: false };
      if (actionId === OPEN_PROBLEM) return { label: "Open problem", opensForm: false };
      if (actionId === DISMISS) return { label: "Dismiss", opensForm: false };
      const action = problemActionFromId(actionId);
      if (!action) return undefined;
      const entry = problemActionTable[action];
      return { label: entry.label, opensForm: "form" in entry };
    },
    planAction: (actionId, value) =>
      actionId === OPEN_PROBLEM || actionId === DISMISS
        ? {
            opensForm: false,
            run: async ({ actor }) =>
              privateNotice(
                "success",
                await answerCluster(
                  deps.recurring,
                  actor,
                  value,
                  actionId === OPEN_PROBLEM ? "open" : "dismiss",
                ),
              ),
          }
        : actionId === APPLY_WORKAROUND
          ? {
              opensForm: false,
              run: async ({ actor }) => workaroundApplied(await applyWorkaround(problems, actor, value)),
            }
          : planProblemButton(problems, actionId, value),
    onTicketEvent: (tx, event) => onChangeClosed(problems, tx, event),
    advise: (tx, draft) => adviseKnownError(tx, problems.engine, draft),
  };
}

function workaroundApplied(done: AppliedWorkaround): Reply {
  return privateNotice(
    "success",
    `${done.incident} is linked to ${done.problem} (${done.knownError}); its thread has the workaround: ${done.workaround}`,
  );
}
