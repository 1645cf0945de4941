import type { Practice } from "../../kernel/practice.js";
import { type ReportCommand, reportCommand } from "./command.js";
import type { ReportsContext } from "./context.js";
import { runReportCommand } from "./handler.js";
import { type ImproveCommand, improveCommand } from "./improvement/command.js";
import { runImproveCommand } from "./improvement/handler.js";

/**
 * Reports as the desk sees them: `/report` (read-only) and `/improve` (continual improvement, whose one table
 * is the practice's own); no buttons.
 */
export function reportsPractice(ctx: ReportsContext): Practice {
  return {
    id: "reports",
    commands: [reportCommand, improveCommand],
    planCommand(call) {
      if (call.name === improveCommand.name) {
        const command = call.parse() as ImproveCommand;
        return { opensForm: false, run: (request) => runImproveCommand(ctx, request, command) };
      }
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
