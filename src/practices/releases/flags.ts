import type { BlackoutWindow } from "../../config/change-settings.js";
import type { Db, Tx } from "../../db/client.js";
import { formatWindow } from "../../kernel/dates/local-date-time.js";
import type { ItemSummary } from "../../kernel/tickets/item-ref.js";
import { activeReleaseStatuses, type ReleaseSnapshot, releaseRef } from "./model.js";

/** Change states from which a change is scheduled: approved for its window, or already under way. */
const scheduledStates = new Set(["scheduled", "implement", "review", "closed"]);

function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * What stands in the way of a release, shown on its card so nobody votes go without it (ITIL 4 release
 * management: plan releases against the change schedule and the freeze calendar): an included change not
 * yet scheduled, a release window outside a change's window, a blackout, and another release touching the
 * same service in an overlapping window.
 */
export async function releaseFlags(
  db: Db | Tx,
  release: Pick<ReleaseSnapshot, "id" | "windowStart" | "windowEnd" | "services">,
  changes: readonly ItemSummary[],
  blackouts: readonly BlackoutWindow[],
  timezone: string,
): Promise<string[]> {
  const window = { start: release.windowStart, end: release.windowEnd };
  const flags: string[] = [];
  for (const change of changes) {
    if (change.state !== undefined && !scheduledStates.has(change.state) && change.open) {
      flags.push(`${change.label} is not scheduled yet (${change.status}).`);
    }
    const planned = change.window;
    if (
      planned &&
      (window.start.getTime() < planned.start.getTime() || window.end.getTime() > planned.end.getTime())
    ) {
      flags.push(
        `The release window is outside ${change.label}'s window (${formatWindow(planned.start, planned.end, timezone)}).`,
      );
    }
  }
  for (const blackout of blackouts) {
    if (overlaps(window, blackout)) {
      flags.push(
        `The release window overlaps the blackout "${blackout.name}" (${formatWindow(blackout.start, blackout.end, timezone)}).`,
      );
    }
  }
  const serviceIds = release.services.map((service) => service.id);
  if (serviceIds.length > 0) {
    const others = await db.release.findMany({
      where: {
        id: { not: release.id },
        status: { in: [...activeReleaseStatuses] },
        windowStart: { lt: window.end },
        windowEnd: { gt: window.start },
        services: { some: { serviceId: { in: serviceIds } } },
      },
      include: { services: true },
      orderBy: { number: "asc" },
    });
    for (const other of others) {
      const shared = other.services.map((s) => s.serviceId).filter((id) => serviceIds.includes(id));
      flags.push(
        `${releaseRef(other.number)} (${other.name}) deploys to ${shared.join(", ")} in an overlapping window (${formatWindow(other.windowStart, other.windowEnd, timezone)}).`,
      );
    }
  }
  return flags;
}
