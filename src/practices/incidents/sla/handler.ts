import { defineRegistry } from "../../../kernel/commands/command-spec.js";
import { helpText } from "../../../kernel/commands/help-text.js";
import { NotFoundError } from "../../../kernel/errors.js";
import { privateNotice, type Reply } from "../../../kernel/views/reply.js";
import { findIncident } from "../find-incident.js";
import type { IncidentRequest } from "../request.js";
import { type SlaCommand, slaCommand } from "./command.js";
import { incidentClockFigures } from "./read-clocks.js";
import { slaReport } from "./report.js";
import type { SlaRuntime } from "./runtime.js";
import { slaClocksCard, slaReportCard } from "./views/clocks-and-report.js";

const DAY_MS = 86_400_000;
const periodDays = { "7d": 7, "30d": 30 } as const;

/**
 * Runs one typed `/sla` command, however it arrived, and says what to show the person: always privately,
 * since a clock readout is for the one who asked.
 */
export async function runSlaCommand(
  ctx: IncidentRequest & { sla: SlaRuntime },
  command: SlaCommand,
): Promise<Reply> {
  const { db, clock } = ctx.incidents;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([slaCommand]), "sla"));
    case "show": {
      const now = clock.now();
      const incident = await findIncident(db, command.args.ref);
      const clocks = await db.$transaction((tx) =>
        incidentClockFigures(tx, ctx.sla, incident.id, now.getTime()),
      );
      const viewer = await db.person.findUnique({
        where: { id: ctx.actor.person.id },
        select: { timezone: true },
      });
      return { kind: "view", view: slaClocksCard(incident, clocks, viewer?.timezone ?? ctx.sla.timezone) };
    }
    case "report": {
      const to = clock.now();
      const { period, service } = command.args;
      if (service !== undefined && (await db.service.findUnique({ where: { id: service } })) === null) {
        throw new NotFoundError(
          `There is no service "${service}". Pick one from the suggestions, or leave it out.`,
        );
      }
      const from = new Date(to.getTime() - periodDays[period] * DAY_MS);
      const report = await slaReport(db, {
        from,
        to,
        ...(service === undefined ? {} : { serviceId: service }),
      });
      const scope = `last ${periodDays[period]} days${service === undefined ? "" : ` · ${service}`}`;
      return { kind: "view", view: slaReportCard(report, scope) };
    }
  }
}
