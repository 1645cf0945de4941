import { DateTime } from "luxon";
import { isOpsDeskError } from "../kernel/errors.js";
import type { CalendarDefinition } from "../kernel/sla/calendar-definition.js";
import { compileCalendar } from "../kernel/sla/compile-calendar.js";
import type { ChangeSettings } from "./change-settings.js";
import type { ChangesFileSection } from "./changes-schema.js";
import type { ConfigProblem } from "./config-problems.js";
import { checkUnique, unknownReferenceMessage } from "./references.js";

interface Known {
  readonly groupIds: readonly string[] | undefined;
  readonly serviceIds: readonly string[] | undefined;
  readonly timezone: string;
}

/**
 * Relates the `changes:` section to the rest of the file: approving groups and template services must be
 * declared, blackout windows must end after they start, maintenance windows must name a service.
 */
export function resolveChanges(
  declared: ChangesFileSection,
  known: Known,
  problems: ConfigProblem[],
): ChangeSettings {
  for (const type of ["normal", "emergency"] as const) {
    const approvers = declared[type].approvers;
    if (approvers !== undefined && known.groupIds !== undefined && !known.groupIds.includes(approvers)) {
      problems.push({
        path: ["changes", type, "approvers"],
        message: unknownReferenceMessage("group", "groups", approvers, known.groupIds),
      });
    }
  }
  checkUnique(
    declared.templates,
    {
      keyOf: (template) => template.id,
      pathOf: (index) => ["changes", "templates", index, "id"],
      clash: (id, first) =>
        `"${id}" is already the id of changes.templates[${first}]; give each template its own id`,
    },
    problems,
  );
  declared.templates.forEach((template, index) => {
    template.services.forEach((serviceId, serviceIndex) => {
      if (known.serviceIds !== undefined && !known.serviceIds.includes(serviceId)) {
        problems.push({
          path: ["changes", "templates", index, "services", serviceIndex],
          message: unknownReferenceMessage("service", "services", serviceId, known.serviceIds),
        });
      }
    });
  });
  const blackouts = declared.blackouts.map((blackout, index) => {
    const start = localInstant(blackout.start, known.timezone);
    const end = localInstant(blackout.end, known.timezone);
    if (end <= start) {
      problems.push({
        path: ["changes", "blackouts", index, "end"],
        message: `the blackout must end after it starts ("${blackout.start}"); got "${blackout.end}"`,
      });
    }
    return { name: blackout.name, start, end };
  });
  const maintenanceWindows: Record<string, CalendarDefinition> = {};
  for (const [serviceId, hours] of Object.entries(declared.maintenanceWindows)) {
    if (known.serviceIds !== undefined && !known.serviceIds.includes(serviceId)) {
      problems.push({
        path: ["changes", "maintenanceWindows", serviceId],
        at: "key",
        message: unknownReferenceMessage("service", "services", serviceId, known.serviceIds),
      });
      continue;
    }
    const definition: CalendarDefinition = { timezone: known.timezone, hours, holidays: [] };
    try {
      compileCalendar(definition, `maintenance window of ${serviceId}`);
    } catch (error) {
      if (!isOpsDeskError(error)) throw error;
      problems.push({ path: ["changes", "maintenanceWindows", serviceId], message: error.userMessage });
    }
    maintenanceWindows[serviceId] = definition;
  }
  return {
    normal: declared.normal,
    emergency: declared.emergency,
    templates: declared.templates.map(({ duration, ...template }) => ({
      ...template,
      durationMinutes: duration,
    })),
    blackouts,
    maintenanceWindows,
    remindAfterMinutes: declared.remindAfter,
    reminderIntervalMinutes: declared.reminderInterval,
    startingSoonMinutes: declared.startingSoon,
    agendaTime: declared.agendaTime,
  };
}

/** "2026-12-20" or "2026-12-20 00:00" on the desk's wall clock. */
function localInstant(text: string, timezone: string): Date {
  return DateTime.fromISO(text.replace(" ", "T"), { zone: timezone }).toJSDate();
}
