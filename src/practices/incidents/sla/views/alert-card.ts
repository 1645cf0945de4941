import {
  slaAlertHeadline as alertHeadline,
  type SlaAlertFacts,
  slaAlertCardParts,
} from "../../../../kernel/sla/alert-view.js";
import type { SlaClockFigures } from "../../../../kernel/sla/clock/figures.js";
import type { Card, CardField } from "../../../../kernel/views/card.js";
import type { IncidentAction, IncidentSnapshot } from "../../model.js";
import { incidentCardAction } from "../../views/card.js";
import { priorityLabels } from "../../views/labels.js";
import { clockKindLabels } from "./text.js";

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

function factsOf(input: SlaAlertInput): SlaAlertFacts {
  return { ...input, ref: input.incident.ref, kindLabel: clockKindLabels[input.clock.kind] };
}

/** "SLA breached: INC-7 resolution is 10m overdue": the line that goes above the alert (and in notifications). */
export function slaAlertHeadline(input: SlaAlertInput): string {
  return alertHeadline(factsOf(input));
}

/** The alert as a card: which ticket, which target, how much time is left or overdue, and the ticket's buttons. */
export function slaAlertCard(input: SlaAlertInput): Card {
  const { incident } = input;
  const { title, badge, timeFields } = slaAlertCardParts(factsOf(input));
  const fields: CardField[] = [
    { label: "Ticket", value: `${incident.ref} · ${incident.title}` },
    { label: "Priority", value: priorityLabels[incident.priority], inline: true },
    ...timeFields,
    { label: "Assignee", value: incident.assignee?.displayName ?? "Unassigned", inline: true },
    ...(incident.assignedGroup === null
      ? []
      : [{ label: "Group", value: incident.assignedGroup.name, inline: true }]),
  ];
  return {
    type: "card",
    title,
    badge,
    fields,
    body: slaAlertHeadline(input),
    actions: input.actions.map((action) => incidentCardAction(incident, action)),
    links: [],
  };
}
