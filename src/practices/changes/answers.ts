import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";
import type { Card } from "../../kernel/views/card.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import type { ChangeCommand } from "./command.js";
import { conflictsFor } from "./conflict-check.js";
import type { Conflict } from "./conflicts.js";
import { createChange } from "./create-change.js";
import { actionsAllowedFor } from "./lifecycle.js";
import type { ChangeAction, ChangeSnapshot } from "./model.js";
import { mayWork } from "./permissions.js";
import { formatWindow } from "./planned-window.js";
import type { ChangeRequest } from "./request.js";
import { changeCard } from "./views/card.js";
import { conflictLines } from "./views/conflicts.js";

/*
 * The answers to requesting, rescheduling and showing a change: each names what the plan runs into, in
 * the person's own time zone, because nobody should plan or approve a change without its conflicts.
 */

type NewArgs = Extract<ChangeCommand, { subcommand: "new" }>["args"];

export async function requestChange(ctx: ChangeRequest, args: NewArgs): Promise<Reply> {
  const assignee = args.assignee
    ? await resolveActor(ctx.changes.db, {
        platform: ctx.platform,
        externalId: args.assignee.platformId,
        displayName: args.assignee.platformId,
      })
    : undefined;
  const created = await createChange(ctx.changes, ctx.actor, {
    type: args.type,
    ...(args.title ? { title: args.title } : {}),
    ...(args.template ? { templateId: args.template } : {}),
    ...(args.risk ? { risk: args.risk } : {}),
    ...(args.impact ? { impact: args.impact } : {}),
    start: args.start ?? "",
    ...(args.end ? { end: args.end } : {}),
    serviceIds: serviceList(args.services ?? ""),
    ...(args.description ? { description: args.description } : {}),
    ...(args.plan ? { implementationPlan: args.plan } : {}),
    ...(args.backout ? { backoutPlan: args.backout } : {}),
    ...(args.test ? { testPlan: args.test } : {}),
    ...(assignee ? { assigneeId: assignee.person.id } : {}),
  });
  const { change, conflicts, timezone } = created;
  const next =
    change.type === "standard" ? "Submit it to schedule it (pre-approved)." : "Submit it when it is ready.";
  const found = await conflictSummary(ctx, conflicts, timezone);
  return privateNotice("success", `${change.ref} is requested: ${change.title}. ${found}\n${next}`);
}

/** Where the change now stands, and what the new plan runs into. */
export async function rescheduled(
  ctx: ChangeRequest,
  change: ChangeSnapshot,
  before: string,
): Promise<Reply> {
  const timezone = await timezoneOf(ctx.changes.db, ctx.actor.person.id, ctx.changes.timezone);
  const conflicts = await conflictsFor(ctx.changes, ctx.changes.db, {
    id: change.id,
    plannedStart: change.plannedStart,
    plannedEnd: change.plannedEnd,
    serviceIds: change.services.map((service) => service.id),
  });
  const again =
    before === "scheduled" && change.status !== "scheduled"
      ? " Its approval was for the old plan, so it needs approval again."
      : "";
  const found = await conflictSummary(ctx, conflicts, timezone);
  return privateNotice(
    "success",
    `${change.ref} is rescheduled to ${formatWindow(change.plannedStart, change.plannedEnd, timezone)}.${again} ${found}`,
  );
}

/** A change card for one person: dates in their zone, and only the buttons they may use. */
export async function privateCard(ctx: ChangeRequest, change: ChangeSnapshot): Promise<Card> {
  const timezone = await timezoneOf(ctx.changes.db, ctx.actor.person.id, ctx.changes.timezone);
  const conflicts = await conflictsFor(ctx.changes, ctx.changes.db, {
    id: change.id,
    plannedStart: change.plannedStart,
    plannedEnd: change.plannedEnd,
    serviceIds: change.services.map((service) => service.id),
  });
  const actions = actionsAllowedFor(change).filter(
    (action: ChangeAction) => action === "approve" || action === "reject" || mayWork(ctx.actor, change),
  );
  return changeCard(change, actions, {
    timezone,
    conflicts: conflictLines(conflicts, await serviceNames(ctx), timezone),
  });
}

/** "payments, identity" or "payments identity" as typed. */
export function serviceList(text: string): string[] {
  return text.split(/[\s,]+/).filter((id) => id !== "");
}

/** Service names for conflict lines, which also name the services of other changes. */
async function serviceNames(ctx: ChangeRequest): Promise<(id: string) => string> {
  const services = await ctx.changes.db.service.findMany({ select: { id: true, name: true } });
  const names = new Map(services.map((service) => [service.id, service.name]));
  return (id) => names.get(id) ?? id;
}

async function conflictSummary(
  ctx: ChangeRequest,
  conflicts: readonly Conflict[],
  timezone: string,
): Promise<string> {
  if (conflicts.length === 0) return "No conflicts found.";
  const lines = conflictLines(conflicts, await serviceNames(ctx), timezone);
  return `Conflicts:\n${lines.map((line) => `• ${line}`).join("\n")}`;
}
