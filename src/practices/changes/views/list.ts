import { DateTime } from "luxon";
import type { List, ListItem } from "../../../kernel/views/list.js";
import type { ChangeSnapshot } from "../model.js";
import { formatWindow } from "../planned-window.js";
import { changeIntent } from "./card.js";
import { changeRiskLabels, changeStatusLabels, changeTypeShort } from "./labels.js";

function changeListItem(change: ChangeSnapshot, timezone: string): ListItem {
  return {
    ref: change.ref,
    title: change.title,
    fields: [
      { label: "Status", value: changeStatusLabels[change.status], inline: true },
      { label: "Type", value: changeTypeShort[change.type], inline: true },
      { label: "Risk", value: changeRiskLabels[change.risk], inline: true },
      { label: "Window", value: formatWindow(change.plannedStart, change.plannedEnd, timezone) },
      {
        label: "Services",
        value: change.services.map((service) => service.name).join(", ") || "None",
        inline: true,
      },
    ],
    intent: changeIntent(change),
  };
}

export function changeList(
  title: string,
  changes: readonly ChangeSnapshot[],
  timezone: string,
  emptyText = "No changes to show.",
): List {
  return { type: "list", title, items: changes.map((change) => changeListItem(change, timezone)), emptyText };
}

/** The change calendar: every change whose window touches the period, in window order. */
export function changeCalendar(
  changes: readonly ChangeSnapshot[],
  from: Date,
  to: Date,
  timezone: string,
): List {
  const day = (date: Date) => DateTime.fromJSDate(date, { zone: timezone }).toFormat("ccc d LLL");
  return changeList(
    `Change calendar ${day(from)} – ${day(to)} (${timezone})`,
    changes,
    timezone,
    "No changes are planned in this period.",
  );
}
