import { defineRegistry } from "../../../kernel/commands/command-spec.js";
import { helpText } from "../../../kernel/commands/help-text.js";
import { NotFoundError, ValidationError } from "../../../kernel/errors.js";
import { parseTicketNumber } from "../../../kernel/tickets/reference.js";
import { privateNotice, type Reply } from "../../../kernel/views/reply.js";
import { findIncident } from "../find-incident.js";
import { INCIDENT_PREFIX } from "../model.js";
import type { IncidentRequest } from "../request.js";
import { type SlaCommand, slaCommand } from "./command.js";
import { incidentClockFigures } from "./read-clocks.js";
import type { SlaRuntime } from "./runtime.js";
import { slaClocksCard, ticketClocksCard } from "./views/clocks-and-report.js";

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
      const viewer = await db.person.findUnique({
        where: { id: ctx.actor.person.id },
        select: { timezone: true },
      });
      const timezone = viewer?.timezone ?? ctx.sla.timezone;
      const written = command.args.ref.trim();
      // A bare number (`7`, `#7`) names an incident, as it did before requests had clocks.
      const number = parseTicketNumber(INCIDENT_PREFIX, written);
      const ref = number === undefined ? ctx.incidents.tickets?.parse(written) : undefined;
      if (number === undefined && ref?.kind !== INCIDENT_PREFIX) {
        const owner = ref && ctx.incidents.tickets?.owner(ref.kind);
        if (ref === undefined || owner === undefined)
          throw new ValidationError(
            `"${written}" is not an incident or a request: write it like INC-7 or REQ-4.`,
          );
        if (owner.slaClocks === undefined)
          throw new ValidationError(
            `${written.toUpperCase()} is not measured by an SLA; /sla show takes an incident or a request.`,
          );
        const item = await owner.slaClocks(db, ref.key, now);
        if (item === undefined) throw new NotFoundError(`There is no ${written.toUpperCase()}.`);
        return { kind: "view", view: ticketClocksCard(item, timezone) };
      }
      const incident = await findIncident(db, number ?? Number(ref?.key));
      const clocks = await db.$transaction((tx) =>
        incidentClockFigures(tx, ctx.sla, incident.id, now.getTime()),
      );
      return { kind: "view", view: slaClocksCard(incident, clocks, timezone) };
    }
    case "report":
      // Forwarded by the desk to the reports practice's `/report sla` (incidentsPractice's forwards).
      throw new Error("/sla report is answered by /report sla");
  }
}
