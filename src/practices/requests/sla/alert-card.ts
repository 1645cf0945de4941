import type { SlaClockFigures } from "../../../kernel/sla/clock/figures.js";
import { formatInstant } from "../../../kernel/sla/clock/text.js";
import { formatDuration } from "../../../kernel/sla/format-duration.js";
import type { Card, CardField } from "../../../kernel/views/card.js";
import type { RequestSnapshot } from "../model.js";
import { requestClockLabels } from "./read-clocks.js";

export interface RequestSlaAlertInput {
  readonly request: RequestSnapshot;
  readonly clock: SlaClockFigures;
  /** The threshold reached, in percent; 100 is the breach. */
  readonly percent: number;
  readonly breach: boolean;
  /** Who the request waits on now (approvers, task assignees or groups), by name. */
  readonly waitingOn: readonly string[];
  /** The zone to write the due time in where the platform cannot localise it (the calendar's). */
  readonly timezone: string;
}

/** "SLA breached: REQ-4 fulfilment is 10m overdue (target 40h).": the line above the alert. */
export function requestSlaHeadline({ request, clock, percent, breach }: RequestSlaAlertInput): string {
  const kind = requestClockLabels[clock.kind].toLowerCase();
  if (breach) {
    const overdue =
      clock.remainingMs < 0 ? ` is ${formatDuration(-clock.remainingMs)} overdue` : " is due now";
    return `SLA breached: ${request.ref} ${kind}${overdue} (target ${clock.targetText}).`;
  }
  return `SLA warning: ${request.ref} ${kind} is at ${percent} % of ${clock.targetText}, ${formatDuration(Math.max(0, clock.remainingMs))} left.`;
}

/** The alert as a card: which request, which target, the time left or overdue, and who it waits on. */
export function requestSlaAlertCard(input: RequestSlaAlertInput): Card {
  const { request, clock, breach, percent } = input;
  const kind = requestClockLabels[clock.kind];
  const fields: CardField[] = [
    { label: "Request", value: `${request.ref} · ${request.itemName}` },
    { label: "Requester", value: request.requester.displayName, inline: true },
    { label: `${kind} target`, value: `${clock.targetText} on ${clock.calendarId}`, inline: true },
    clock.remainingMs >= 0
      ? { label: "Time left", value: formatDuration(clock.remainingMs), inline: true }
      : { label: "Overdue by", value: formatDuration(-clock.remainingMs), inline: true },
    ...(clock.dueAt === null
      ? []
      : [{ label: "Due", value: formatInstant(clock.dueAt, input.timezone), inline: true, at: clock.dueAt }]),
    ...(input.waitingOn.length === 0 ? [] : [{ label: "Waiting on", value: input.waitingOn.join(", ") }]),
  ];
  return {
    type: "card",
    title: breach
      ? `SLA breached · ${request.ref} ${kind.toLowerCase()}`
      : `SLA warning · ${request.ref} ${kind.toLowerCase()} at ${percent} %`,
    badge: breach ? { text: "Breached", intent: "danger" } : { text: `${percent} % used`, intent: "warning" },
    fields,
    body: requestSlaHeadline(input),
    actions: [],
    links: [],
  };
}
