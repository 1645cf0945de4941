import { DateTime } from "luxon";
import { ValidationError } from "../../kernel/errors.js";
import type { Actor, Platform } from "../../kernel/people/actor.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";
import type { RequestContext } from "./context.js";

/**
 * `/request delegate @ada until:2026-12-24`: approvals that would come to me go to Ada until the end of
 * that day on my clock. Requests already waiting keep their approvers; new stages ask the delegate.
 */
export async function delegateApprovals(
  ctx: RequestContext,
  actor: Actor,
  platform: Platform,
  to: string,
  until: string,
): Promise<string> {
  const timezone = await timezoneOf(ctx.db, actor.person.id, ctx.config.timezone);
  const day = DateTime.fromFormat(until.trim(), "yyyy-MM-dd", { zone: timezone });
  if (!day.isValid) throw new ValidationError(`until must be a date like 2026-12-24 (got "${until}").`);
  const end = day.endOf("day").toJSDate();
  if (end.getTime() <= ctx.clock.now().getTime())
    throw new ValidationError(`${until} has already passed; give a day from today on.`);
  const delegate = await resolveActor(ctx.db, { platform, externalId: to, displayName: to });
  if (delegate.person.id === actor.person.id)
    throw new ValidationError("You cannot delegate your approvals to yourself.");
  const data = { delegateId: delegate.person.id, until: end, createdAt: ctx.clock.now() };
  await ctx.db.requestDelegation.upsert({
    where: { personId: actor.person.id },
    create: { personId: actor.person.id, ...data },
    update: data,
  });
  return `Until the end of ${until}, approvals for you go to ${delegate.person.displayName}.`;
}
