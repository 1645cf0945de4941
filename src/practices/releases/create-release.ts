import { transactionOptions } from "../../db/client.js";
import { formatLocal, parseLocalDateTime } from "../../kernel/dates/local-date-time.js";
import { NotFoundError, ValidationError } from "../../kernel/errors.js";
import type { Actor } from "../../kernel/people/actor.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { assertServicesExist } from "../../kernel/services.js";
import { linkItems } from "../../kernel/tickets/links.js";
import { nextTicketNumber } from "../../kernel/tickets/next-number.js";
import { appendTimeline } from "../../kernel/tickets/timeline-append.js";
import type { ReleaseContext } from "./context.js";
import { assertIncludable, changeRefOf } from "./include-change.js";
import { RELEASE_PREFIX, type ReleaseSnapshot, releaseLimits } from "./model.js";
import { assertMayPlanReleases } from "./permissions.js";
import { queueReleasePosts } from "./posts.js";
import { findRelease } from "./snapshot.js";

export interface CreateReleaseInput {
  name: string;
  label: string;
  start: string;
  end: string;
  serviceIds: readonly string[];
  /** As typed: `CHG-12`, `chg-13`. */
  changes: readonly string[];
  managerId?: string;
}

/**
 * Plans a release: reads the window in the person's time zone, checks services, the manager and every
 * included change (it exists and is in no other active release), takes the next REL number, links the
 * changes and posts the card, all in one transaction: a refused change leaves nothing written.
 */
export async function createRelease(
  ctx: ReleaseContext,
  actor: Actor,
  input: CreateReleaseInput,
): Promise<ReleaseSnapshot> {
  assertMayPlanReleases(actor);
  const name = input.name.trim();
  const label = input.label.trim();
  if (!name) throw new ValidationError("Give the release a name, e.g. Payments spring release.");
  if (name.length > releaseLimits.nameMax)
    throw new ValidationError(`The name is longer than ${releaseLimits.nameMax} characters.`);
  if (!label) throw new ValidationError("Give the release a version, e.g. 4.2.0.");
  if (label.length > releaseLimits.labelMax)
    throw new ValidationError(`The version is longer than ${releaseLimits.labelMax} characters.`);
  const timezone = await timezoneOf(ctx.db, actor.person.id, ctx.config.timezone);
  const start = parseLocalDateTime(input.start, timezone, "The target start");
  const end = parseLocalDateTime(input.end, timezone, "The target end");
  if (end.getTime() <= start.getTime()) {
    throw new ValidationError(
      `The target end (${formatLocal(end, timezone)}) must be after the target start (${formatLocal(start, timezone)}).`,
    );
  }
  const now = ctx.clock.now();
  if (end.getTime() <= now.getTime()) {
    throw new ValidationError("The target window is in the past. Plan the release from now on.");
  }
  const changeRefs = input.changes.map((typed) => changeRefOf(ctx.tickets, typed));
  if (changeRefs.length > releaseLimits.changesMax)
    throw new ValidationError(`A release includes at most ${releaseLimits.changesMax} changes.`);

  const release = await ctx.db.$transaction(async (tx) => {
    const changes = [];
    const seen = new Set<string>();
    for (const ref of changeRefs) {
      if (seen.has(ref.key)) continue;
      seen.add(ref.key);
      changes.push(await assertIncludable(tx, ctx.tickets, ref, undefined));
    }
    const serviceIds = [
      ...new Set(
        input.serviceIds.length
          ? input.serviceIds
          : changes.flatMap((change) => (change.serviceId ? [change.serviceId] : [])),
      ),
    ];
    await assertServicesExist(tx, serviceIds);
    const managerId = input.managerId ?? actor.person.id;
    if (!(await tx.person.findUnique({ where: { id: managerId } }))) {
      throw new NotFoundError(
        "OpsDesk does not know the release manager yet; they need to use OpsDesk once first.",
      );
    }
    const number = await nextTicketNumber(tx, RELEASE_PREFIX);
    const row = await tx.release.create({
      data: {
        number,
        name,
        label,
        status: "draft",
        windowStart: start,
        windowEnd: end,
        managerId,
        requesterId: actor.person.id,
        createdAt: now,
        updatedAt: now,
        services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
      },
    });
    await appendTimeline(tx, {
      ticketKind: "release",
      ticketId: row.id,
      at: now,
      actorId: actor.person.id,
      kind: "created",
      after: { status: "draft", name, version: label },
    });
    const from = { kind: RELEASE_PREFIX, key: String(number) };
    for (const change of changes) {
      // The release's own card is posted once below with its changes; only the change hears of the link.
      await linkItems(
        tx,
        ctx.tickets,
        { from, to: change.ref, relation: "includes", actor, at: now },
        {
          tellOwners: false,
        },
      );
      await ctx.tickets.owner(change.ref.kind)?.linked?.(tx, change.ref.key, {
        link: { relation: "includes", direction: "in", other: from, createdAt: now },
        added: true,
        actor,
        at: now,
        other: {
          ref: from,
          label: `${RELEASE_PREFIX}-${number}`,
          title: `${name} ${label}`,
          status: "Draft",
          open: true,
        },
      });
    }
    const created = await findRelease(tx, number);
    await ctx.events.publish(tx, { ref: from, type: "created", at: now, actorId: actor.person.id });
    await queueReleasePosts(ctx, tx, created, "created");
    return created;
  }, transactionOptions);
  ctx.onCommitted?.();
  return release;
}
