import type { Practice } from "../../kernel/practice.js";
import { type ReportCommand, reportCommand } from "./command.js";
import type { ReportsContext } from "./context.js";
import { runReportCommand } from "./handler.js";

/** Reports as the desk sees them: `/report`, read-only (no buttons, no tickets of its own). */
export function reportsPractice(ctx: ReportsContext): Practice {
  return {
    id: "reports",
    commands: [reportCommand],
    planCommand(call) {
      const command = call.parse() as ReportCommand;
      return { opensForm: false, run: (request) => runReportCommand(ctx, request, command) };
    },
    action: () => undefined,
    planAction: () => ({
      opensForm: false,
      run: async () => {
        throw new Error("reports have no buttons");
      },
    }),
  };
}
