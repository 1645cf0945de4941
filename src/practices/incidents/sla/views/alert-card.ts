import type { SlaClockFigures } from "../../../../kernel/sla/clock/figures.js";
import { formatDuration } from "../../../../kernel/sla/format-duration.js";
import type { Card, CardField } from "../../../../kernel/views/card.js";
import type { IncidentAction, IncidentSnapshot } from "../../model.js";
import { incidentCardAction } from "../../views/card.js";
import { priorityLabels } from "../../views/labels.js";
import { clockKindLabels, formatInstant } from "./text.js";

export interface SlaAlertInput {
  readonly incident: IncidentSnapshot;
  readonly clock: SlaClockFigures;
  /** The threshold reached, in percent; 100 is the breach. */
  readonly percent: number;
  readonly breach: boolean;
  /** The ticket's buttons, so people can act from the alert itself. */
  readonly actions: readonly IncidentAction[];
  /** The zone to write the due time in where the platform cannot localise it (the calendar's). */
  readonly timezone: string;
}

/** "SLA breached: INC-7 resolution is 10m overdue": the line that goes above the alert (and in notifications). */
export function slaAlertHeadline({ incident, clock, percent, breach }: SlaAlertInput): string {
  const kind = clockKindLabels[clock.kind].toLowerCase();
  if (breach) {
    const overdue =
      clock.remainingMs < 0 ? ` is ${formatDuration(-clock.remainingMs)} overdue` : " is due now";
    return `SLA breached: ${incident.ref} ${kind}${overdue} (target ${clock.targetText}).`;
  }
  return `SLA warning: ${incident.ref} ${kind} is at ${percent} % of ${clock.targetText}, ${formatDuration(Math.max(0, clock.remainingMs))} left.`;
}

/** The alert as a card: which ticket, which target, how much time is left or overdue, and the ticket's buttons. */
export function slaAlertCard(input: SlaAlertInput): Card {
  const { incident, clock, breach, percent } = input;
  const kind = clockKindLabels[clock.kind];
  const fields: CardField[] = [
    { label: "Ticket", value: `${incident.ref} · ${incident.title}` },
    { label: "Priority", value: priorityLabels[incident.priority], inline: true },
    { label: `${kind} target`, value: `${clock.targetText} on ${clock.calendarId}`, inline: true },
    clock.remainingMs >= 0
      ? { label: "Time left", value: formatDuration(clock.remainingMs), inline: true }
      : { label: "Overdue by", value: formatDuration(-clock.remainingMs), inline: true },
    ...(clock.dueAt === null
      ? []
      : [{ label: "Due", value: formatInstant(clock.dueAt, input.timezone), inline: true, at: clock.dueAt }]),
    { label: "Assignee", value: incident.assignee?.displayName ?? "Unassigned", inline: true },
    ...(incident.assignedGroup === null
      ? []
      : [{ label: "Group", value: incident.assignedGroup.name, inline: true }]),
  ];
  return {
    type: "card",
    title: breach
      ? `SLA breached · ${incident.ref} ${kind.toLowerCase()}`
      : `SLA warning · ${incident.ref} ${kind.toLowerCase()} at ${percent} %`,
    badge: breach ? { text: "Breached", intent: "danger" } : { text: `${percent} % used`, intent: "warning" },
    fields,
    body: slaAlertHeadline(input),
    actions: input.actions.map((action) => incidentCardAction(incident, action)),
    links: [],
  };
}
