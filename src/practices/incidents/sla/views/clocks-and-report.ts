import type { SlaClockFigures } from "../../../../kernel/sla/clock/figures.js";
import { formatDuration } from "../../../../kernel/sla/format-duration.js";
import type { SlaClockKind } from "../../../../kernel/sla/policy.js";
import type { TicketSlaClocks } from "../../../../kernel/tickets/directory.js";
import type { Card, CardField } from "../../../../kernel/views/card.js";
import type { IncidentSnapshot } from "../../model.js";
import { priorityLabels } from "../../views/labels.js";
import { clockKindLabels, clockRuleText, clockStateText, formatInstant } from "./text.js";

const statusWords = { running: "running", paused: "paused", stopped: "stopped" } as const;

function clockLabel(
  clock: SlaClockFigures,
  cycles: number,
  labels: Readonly<Record<SlaClockKind, string>>,
): string {
  const kind = labels[clock.kind];
  return cycles > 1 ? `${kind} (cycle ${clock.cycle})` : kind;
}

/**
 * `/sla show INC-7`: every clock, past cycles included, with target, elapsed, remaining, percent,
 * whether it runs and which rule produced it (started, restarted, recomputed, new cycle, cumulative); the due time as an instant each reader sees in their own zone where the platform can,
 * else written in `timezone` (the viewer's, when known).
 */
export function slaClocksCard(
  incident: IncidentSnapshot,
  clocks: readonly SlaClockFigures[],
  timezone: string,
): Card {
  return ticketClocksCard(
    {
      title: `${incident.ref} · ${incident.title}`,
      subtitle: priorityLabels[incident.priority],
      labels: clockKindLabels,
      clocks,
      none: `${incident.ref} has no SLA clocks: it was raised before SLAs were set up.`,
    },
    timezone,
  );
}

/** `/sla show` for any item whose owner keeps SLA clocks (an incident, a request): the same readout. */
export function ticketClocksCard(item: TicketSlaClocks, timezone: string): Card {
  const { clocks, labels } = item;
  const fields: CardField[] = [];
  for (const clock of clocks) {
    const cycles = clocks.filter((other) => other.kind === clock.kind).length;
    const label = clockLabel(clock, cycles, labels);
    const remaining =
      clock.remainingMs >= 0
        ? `${formatDuration(clock.remainingMs)} left`
        : `${formatDuration(-clock.remainingMs)} overdue`;
    fields.push({
      label,
      value: [
        `Target ${clock.targetText} on ${clock.calendarId}`,
        `elapsed ${formatDuration(clock.elapsedMs)} (${clock.percent} %)`,
        remaining,
        `${statusWords[clock.status]}: ${clockStateText(clock)}`,
        ...(clock.rule === undefined ? [] : [clockRuleText(clock.rule)]),
      ].join(" · "),
    });
    fields.push(
      clock.dueAt === null
        ? { label: `${label} due`, value: "paused: no due time until work resumes", inline: true }
        : {
            label: `${label} due`,
            value: formatInstant(clock.dueAt, timezone),
            inline: true,
            at: clock.dueAt,
          },
    );
  }
  const breached = clocks.some((clock) => clock.breached);
  return {
    type: "card",
    title: `SLA · ${item.title}`,
    subtitle: item.subtitle,
    badge: breached ? { text: "Breached", intent: "danger" } : { text: "Within SLA", intent: "success" },
    fields,
    ...(clocks.length === 0 ? { body: item.none } : {}),
    actions: [],
    links: [],
  };
}
