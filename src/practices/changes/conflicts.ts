import type { BlackoutWindow } from "../../config/change-settings.js";
import type { BusinessCalendar } from "../../kernel/sla/business-calendar.js";
import { businessElapsed } from "../../kernel/sla/business-time.js";
import type { CalendarDefinition } from "../../kernel/sla/calendar-definition.js";
import { compileCalendar } from "../../kernel/sla/compile-calendar.js";

/** Something about a change's window that the approvers must know before they decide. */
export type Conflict =
  | {
      readonly kind: "overlap";
      /** The other change. */
      readonly ref: string;
      readonly title: string;
      /** This change's service, and the other change's service it clashes with. */
      readonly serviceId: string;
      readonly otherServiceId: string;
      /** same service, this service depends on the other's, or the other's depends on this one. */
      readonly relation: "same" | "depends_on" | "dependency_of";
    }
  | {
      /** Another change on a configuration item this one's items are the same as, depend on, or carry. */
      readonly kind: "item_overlap";
      readonly ref: string;
      readonly title: string;
      /** The item of this change, and the other change's item it clashes with (CI keys). */
      readonly item: string;
      readonly otherItem: string;
      readonly relation: "same" | "depends_on" | "dependency_of";
    }
  | { readonly kind: "outside_maintenance"; readonly serviceId: string }
  | { readonly kind: "blackout"; readonly name: string; readonly start: Date; readonly end: Date };

export interface PlannedChange {
  readonly id: number;
  readonly ref: string;
  readonly title: string;
  readonly plannedStart: Date;
  readonly plannedEnd: Date;
  readonly serviceIds: readonly string[];
}

export interface ConflictRules {
  /** Service id → the services it depends on (never cyclic: the config refuses cycles). */
  readonly dependencies: Readonly<Record<string, readonly string[]>>;
  readonly maintenanceWindows: Readonly<Record<string, CalendarDefinition>>;
  readonly blackouts: readonly BlackoutWindow[];
}

function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** Every service reachable from `from` through dependsOn edges (not including `from`). */
function reachable(dependencies: ConflictRules["dependencies"], from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(dependencies[from] ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(dependencies[next] ?? []));
  }
  return seen;
}

const compiled = new WeakMap<CalendarDefinition, BusinessCalendar>();

function calendarOf(definition: CalendarDefinition): BusinessCalendar {
  let calendar = compiled.get(definition);
  if (!calendar) {
    calendar = compileCalendar(definition, "maintenance window");
    compiled.set(definition, calendar);
  }
  return calendar;
}

/**
 * The conflicts of a change planned on `serviceIds` over [start, end): other active changes overlapping in
 * time on the same service or on one linked to it through dependencies (either direction, transitively),
 * a window not wholly inside a service's maintenance window, and any overlap with a blackout. Pure.
 */
export function findConflicts(
  planned: Omit<PlannedChange, "ref" | "title" | "id"> & { readonly id?: number },
  others: readonly PlannedChange[],
  rules: ConflictRules,
): Conflict[] {
  const window = { start: planned.plannedStart, end: planned.plannedEnd };
  const conflicts: Conflict[] = [];
  for (const other of others) {
    if (other.id === planned.id) continue;
    if (!overlaps(window, { start: other.plannedStart, end: other.plannedEnd })) continue;
    const clash = firstClash(planned.serviceIds, other.serviceIds, rules.dependencies);
    if (clash) conflicts.push({ kind: "overlap", ref: other.ref, title: other.title, ...clash });
  }
  for (const serviceId of planned.serviceIds) {
    const definition = rules.maintenanceWindows[serviceId];
    if (!definition) continue;
    const length = window.end.getTime() - window.start.getTime();
    if (businessElapsed(calendarOf(definition), window.start, window.end) < length) {
      conflicts.push({ kind: "outside_maintenance", serviceId });
    }
  }
  for (const blackout of rules.blackouts) {
    if (overlaps(window, blackout)) {
      conflicts.push({ kind: "blackout", name: blackout.name, start: blackout.start, end: blackout.end });
    }
  }
  return conflicts;
}

function firstClash(
  mine: readonly string[],
  theirs: readonly string[],
  dependencies: ConflictRules["dependencies"],
): Pick<Extract<Conflict, { kind: "overlap" }>, "serviceId" | "otherServiceId" | "relation"> | undefined {
  for (const serviceId of mine) {
    const needs = reachable(dependencies, serviceId);
    for (const otherServiceId of theirs) {
      if (otherServiceId === serviceId) return { serviceId, otherServiceId, relation: "same" };
      if (needs.has(otherServiceId)) return { serviceId, otherServiceId, relation: "depends_on" };
      if (reachable(dependencies, otherServiceId).has(serviceId)) {
        return { serviceId, otherServiceId, relation: "dependency_of" };
      }
    }
  }
  return undefined;
}

export function blackoutsIn(conflicts: readonly Conflict[]): Extract<Conflict, { kind: "blackout" }>[] {
  return conflicts.filter((conflict) => conflict.kind === "blackout");
}
