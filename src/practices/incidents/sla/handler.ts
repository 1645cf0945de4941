import { defineRegistry } from "../../../kernel/commands/command-spec.js";
import { helpText } from "../../../kernel/commands/help-text.js";
import { privateNotice, type Reply } from "../../../kernel/views/reply.js";
import { findIncident } from "../find-incident.js";
import type { IncidentRequest } from "../request.js";
import { type SlaCommand, slaCommand } from "./command.js";
import { incidentClockFigures } from "./read-clocks.js";
import type { SlaRuntime } from "./runtime.js";
import { slaClocksCard } from "./views/clocks-and-report.js";

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
    case "report":
      // Forwarded by the desk to the reports practice's `/report sla` (incidentsPractice's forwards).
      throw new Error("/sla report is answered by /report sla");
  }
}
