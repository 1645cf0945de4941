import { type SlaAlertFacts, slaAlertCardParts, slaAlertHeadline } from "../../../kernel/sla/alert-view.js";
import type { SlaClockFigures } from "../../../kernel/sla/clock/figures.js";
import type { Card } from "../../../kernel/views/card.js";
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

function factsOf(input: RequestSlaAlertInput): SlaAlertFacts {
  return { ...input, ref: input.request.ref, kindLabel: requestClockLabels[input.clock.kind] };
}

/** "SLA breached: REQ-4 fulfilment is 10m overdue (target 40h).": the line above the alert. */
export function requestSlaHeadline(input: RequestSlaAlertInput): string {
  return slaAlertHeadline(factsOf(input));
}

/** The alert as a card: which request, which target, the time left or overdue, and who it waits on. */
export function requestSlaAlertCard(input: RequestSlaAlertInput): Card {
  const { request } = input;
  const { title, badge, timeFields } = slaAlertCardParts(factsOf(input));
  return {
    type: "card",
    title,
    badge,
    fields: [
      { label: "Request", value: `${request.ref} · ${request.itemName}` },
      { label: "Requester", value: request.requester.displayName, inline: true },
      ...timeFields,
      ...(input.waitingOn.length === 0 ? [] : [{ label: "Waiting on", value: input.waitingOn.join(", ") }]),
    ],
    body: requestSlaHeadline(input),
    actions: [],
    links: [],
  };
}
