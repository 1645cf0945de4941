import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import type { PracticeRequest } from "../../kernel/practice.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { buildReport } from "./build-report.js";
import { type ReportCommand, reportCommand } from "./command.js";
import type { ReportsContext } from "./context.js";
import { drawCharts, queueCharts } from "./deliver.js";

/**
 * `/report <kind>`: the figures answer at once, privately, as text; the charts (each with its numbers beside
 * it) follow as direct messages to the person who asked, through the outbox, since a platform's interaction
 * answer cannot carry an uploaded file on every platform.
 */
export async function runReportCommand(
  ctx: ReportsContext,
  request: PracticeRequest,
  command: ReportCommand,
): Promise<Reply> {
  if (command.subcommand === "help")
    return privateNotice("info", helpText(defineRegistry([reportCommand]), "report"));
  const now = ctx.clock.now();
  const report = await buildReport(
    { db: ctx.db, now, timezone: ctx.timezone, serviceIds: ctx.serviceIds },
    { kind: command.subcommand, ...command.args },
  );
  const charts = await drawCharts(report);
  const identity = await ctx.db.identity.findFirst({
    where: { platform: request.platform, personId: request.actor.person.id },
  });
  let where: string;
  if (identity) {
    await ctx.db.$transaction((tx) =>
      queueCharts(
        tx,
        charts,
        { platform: request.platform, channelId: identity.externalId, direct: true },
        `report:${command.subcommand}:${request.actor.person.id}:${now.toISOString()}`,
        now,
      ),
    );
    ctx.onQueued();
    where = `${charts.length === 1 ? "The chart is" : `${charts.length} charts are`} on the way to your direct messages.`;
  } else {
    where = "The charts could not be sent: you have no account on this platform in opsdesk.yaml.";
  }
  return privateNotice("info", [report.title, ...report.lines, where].join("\n"));
}
