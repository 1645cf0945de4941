import type { Card, CardField } from "../../../kernel/views/card.js";
import type { Tally } from "../approvals.js";
import type { ChangeSnapshot } from "../model.js";
import { formatWindow } from "../planned-window.js";
import { changeRiskLabels, changeStatusLabels, changeTypeShort } from "./labels.js";

export interface AgendaItem {
  readonly change: ChangeSnapshot;
  readonly tally?: Tally;
}

function line(item: AgendaItem, timezone: string): string {
  const { change, tally } = item;
  const votes = tally ? ` · ${tally.approvals}/${tally.needed} approvals` : "";
  return `${change.ref} ${change.title} (${changeTypeShort[change.type]}, risk ${changeRiskLabels[change.risk].toLowerCase()}${votes}) · ${formatWindow(change.plannedStart, change.plannedEnd, timezone)}`;
}

/** The daily CAB agenda: what waits for a decision, then what is scheduled in the next days. */
export function cabAgenda(
  date: string,
  pending: readonly AgendaItem[],
  upcoming: readonly ChangeSnapshot[],
  timezone: string,
): Card {
  const fields: CardField[] = [
    {
      label: `Awaiting decision (${pending.length})`,
      value: pending.length
        ? pending.map((item) => `• ${line(item, timezone)}`).join("\n")
        : "Nothing waits for the CAB.",
    },
    {
      label: `Coming up (${upcoming.length})`,
      value: upcoming.length
        ? upcoming
            .map((change) => `• ${line({ change }, timezone)} · ${changeStatusLabels[change.status]}`)
            .join("\n")
        : "No changes are planned in the next days.",
    },
  ];
  return {
    type: "card",
    title: `CAB agenda · ${date}`,
    badge: {
      text: pending.length ? `${pending.length} to decide` : "Nothing to decide",
      intent: pending.length ? "warning" : "success",
    },
    fields,
    context: `Times in ${timezone}. Vote on each change's approval prompt, or with /change approve CHG-n.`,
    actions: [],
    links: [],
  };
}
