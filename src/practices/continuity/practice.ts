import type { Practice } from "../../kernel/practice.js";
import { continuityActions, planContinuityButton } from "./button.js";
import { type ContinuityCommand, continuityCommand } from "./command.js";
import type { ContinuityContext } from "./context.js";
import { runContinuityCommand } from "./handler.js";
import { linkPlanOnMajor } from "./major-hook.js";
import { planOwner, runOwner } from "./owner.js";

/** Service continuity as the desk sees it: `/continuity`, its checklist buttons, the major-incident link. */
export function continuityPractice(continuity: ContinuityContext): Practice {
  return {
    id: "continuity",
    commands: [continuityCommand],
    tickets: [runOwner(continuity), planOwner(continuity)],
    planCommand(call) {
      const command = call.parse() as ContinuityCommand;
      return {
        opensForm: false,
        run: (request) => runContinuityCommand({ ...request, continuity }, command),
      };
    },
    action(actionId) {
      if (!Object.hasOwn(continuityActions, actionId)) return undefined;
      const label = continuityActions[actionId as keyof typeof continuityActions];
      return {
        label,
        opensForm: false,
        ...(actionId === "continuity.invoke"
          ? { confirm: "Invoke the continuity plan? Its checklist and countdown start now." }
          : {}),
      };
    },
    planAction: (actionId, value) => planContinuityButton(continuity, actionId, value),
    onTicketEvent: (tx, event) => linkPlanOnMajor(continuity, tx, event),
  };
}
