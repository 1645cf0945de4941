import type { CardField, Intent } from "../views/card.js";
import type { SlaClockFigures } from "./clock/figures.js";
import { formatInstant } from "./clock/text.js";
import { formatDuration } from "./format-duration.js";

/** One SLA alert of any ticket, as its practice names the ticket and the clock. */
export interface SlaAlertFacts {
  /** `INC-7`, `REQ-4`. */
  readonly ref: string;
  /** What the ticket's practice calls this clock: `Resolution`, `Fulfilment`. */
  readonly kindLabel: string;
  readonly clock: SlaClockFigures;
  /** The threshold reached, in percent; 100 is the breach. */
  readonly percent: number;
  readonly breach: boolean;
  /** The zone to write the due time in where the platform cannot localise it (the calendar's). */
  readonly timezone: string;
}

/** "SLA breached: INC-7 resolution is 10m overdue (target 8h).": the line above the alert and in notifications. */
export function slaAlertHeadline({ ref, kindLabel, clock, percent, breach }: SlaAlertFacts): string {
  const kind = kindLabel.toLowerCase();
  if (breach) {
    const overdue =
      clock.remainingMs < 0 ? ` is ${formatDuration(-clock.remainingMs)} overdue` : " is due now";
    return `SLA breached: ${ref} ${kind}${overdue} (target ${clock.targetText}).`;
  }
  return `SLA warning: ${ref} ${kind} is at ${percent} % of ${clock.targetText}, ${formatDuration(Math.max(0, clock.remainingMs))} left.`;
}

/** What every alert card shows whatever the ticket: its title, badge, and the target, time left and due. */
export function slaAlertCardParts(facts: SlaAlertFacts): {
  title: string;
  badge: { text: string; intent: Intent };
  timeFields: CardField[];
} {
  const { ref, kindLabel, clock, breach, percent } = facts;
  return {
    title: breach
      ? `SLA breached · ${ref} ${kindLabel.toLowerCase()}`
      : `SLA warning · ${ref} ${kindLabel.toLowerCase()} at ${percent} %`,
    badge: breach ? { text: "Breached", intent: "danger" } : { text: `${percent} % used`, intent: "warning" },
    timeFields: [
      { label: `${kindLabel} target`, value: `${clock.targetText} on ${clock.calendarId}`, inline: true },
      clock.remainingMs >= 0
        ? { label: "Time left", value: formatDuration(clock.remainingMs), inline: true }
        : { label: "Overdue by", value: formatDuration(-clock.remainingMs), inline: true },
      ...(clock.dueAt === null
        ? []
        : [
            {
              label: "Due",
              value: formatInstant(clock.dueAt, facts.timezone),
              inline: true,
              at: clock.dueAt,
            },
          ]),
    ],
  };
}
