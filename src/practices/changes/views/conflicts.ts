import type { Conflict } from "../conflicts.js";
import { formatLocal } from "../planned-window.js";

/** One line per conflict, for the form's result, the card and the approval prompt. */
export function conflictLine(
  conflict: Conflict,
  serviceName: (id: string) => string,
  timezone: string,
): string {
  switch (conflict.kind) {
    case "overlap": {
      const mine = serviceName(conflict.serviceId);
      const theirs = serviceName(conflict.otherServiceId);
      const how =
        conflict.relation === "same"
          ? `also changes ${mine}`
          : conflict.relation === "depends_on"
            ? `changes ${theirs}, which ${mine} depends on`
            : `changes ${theirs}, which depends on ${mine}`;
      return `Overlaps ${conflict.ref} (${conflict.title}), which ${how}.`;
    }
    case "item_overlap": {
      const how =
        conflict.relation === "same"
          ? `also changes ${conflict.item}`
          : conflict.relation === "depends_on"
            ? `changes ${conflict.otherItem}, which ${conflict.item} depends on`
            : `changes ${conflict.otherItem}, which depends on ${conflict.item}`;
      return `Overlaps ${conflict.ref} (${conflict.title}), which ${how}.`;
    }
    case "outside_maintenance":
      return `Outside the maintenance window of ${serviceName(conflict.serviceId)}.`;
    case "blackout":
      return `Inside the blackout "${conflict.name}" (${formatLocal(conflict.start, timezone)} – ${formatLocal(conflict.end, timezone)}).`;
  }
}

export function conflictLines(
  conflicts: readonly Conflict[],
  serviceName: (id: string) => string,
  timezone: string,
): string[] {
  return conflicts.map((conflict) => conflictLine(conflict, serviceName, timezone));
}
