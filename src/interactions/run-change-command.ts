import { applyChangeAction } from "../core/changes/apply-change-action.js";
import { castVote } from "../core/changes/cast-vote.js";
import { conflictsFor } from "../core/changes/conflict-check.js";
import { createChange } from "../core/changes/create-change.js";
import { findChange } from "../core/changes/find-change.js";
import type { ChangeActionInput } from "../core/changes/inputs.js";
import { actionsAllowedFor } from "../core/changes/lifecycle.js";
import { changesBetween, listChanges } from "../core/changes/list-changes.js";
import type { ChangeAction, ChangeSnapshot } from "../core/changes/model.js";
import { mayWork } from "../core/changes/permissions.js";
import { timezoneOf } from "../core/changes/person-timezone.js";
import { formatWindow } from "../core/changes/planned-window.js";
import { helpText } from "../core/commands/help-text.js";
import { type ChangeCommand, commandRegistry } from "../core/commands/registry.js";
import { resolveActor } from "../core/people/resolve-actor.js";
import { changeCalendar, changeCard, changeList, conflictLines } from "../core/views/index.js";
import type { ChangeInteractionContext } from "./change-context.js";
import { privateNotice, type Reply } from "./reply.js";

const doneMessages: Record<string, (ref: string) => string> = {
  submitted: (ref) => `${ref} is submitted.`,
  approval_requested: (ref) => `${ref} is sent to the approvers.`,
  implementation_started: (ref) => `Implementation of ${ref} has started.`,
  implementation_finished: (ref) =>
    `Implementation of ${ref} is finished; close it with a closure code after the review.`,
  closed: (ref) => `${ref} is closed.`,
  cancelled: (ref) => `${ref} is cancelled.`,
};

/**
 * Runs one typed `/change` command, however it arrived (typed text, Discord options, a button, a form),
 * and says what to show the person. Platform-neutral: every adapter calls this.
 */
export async function runChangeCommand(
  ctx: ChangeInteractionContext,
  command: ChangeCommand,
): Promise<Reply> {
  const { changes, actor } = ctx;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(commandRegistry, "change"));
    case "new":
      return requestChange(ctx, command.args);
    case "list": {
      const timezone = await timezoneOf(changes.db, actor.person.id, changes.timezone);
      const page = await listChanges(changes.db, actor, command.args.scope);
      const titles = {
        mine: "Your changes",
        open: "Active changes",
        pending: "Changes awaiting approval",
        all: "All changes",
      } as const;
      const more = page.total > page.changes.length ? ` (${page.changes.length} of ${page.total})` : "";
      return {
        kind: "view",
        view: changeList(`${titles[command.args.scope]}${more}`, page.changes, timezone),
      };
    }
    case "show": {
      const change = await findChange(changes.db, command.args.ref);
      return { kind: "view", view: await privateCard(ctx, change) };
    }
    case "calendar": {
      const timezone = await timezoneOf(changes.db, actor.person.id, changes.timezone);
      const from = changes.clock.now();
      const to = new Date(from.getTime() + command.args.period * 60_000);
      return {
        kind: "view",
        view: changeCalendar(await changesBetween(changes.db, from, to), from, to, timezone),
      };
    }
    case "approve":
    case "reject": {
      const result = await castVote(changes, actor, command.args.ref, {
        decision: command.subcommand,
        ...(command.subcommand === "reject" ? { reason: command.args.reason } : {}),
      });
      const ref = result.change.ref;
      const verb = command.subcommand === "approve" ? "approval" : "rejection";
      if (result.decided)
        return privateNotice("success", `Your ${verb} is recorded: ${ref} is ${result.decided}.`);
      return privateNotice(
        "success",
        `Your ${verb} is recorded: ${ref} has ${result.tally.approvals} of ${result.tally.needed} approvals.`,
      );
    }
    default: {
      const result = await applyChangeAction(changes, actor, command.args.ref, actionInput(command));
      if (result.kind === "rescheduled") return rescheduled(ctx, result.change, result.previous.status);
      const message = doneMessages[result.kind]?.(result.change.ref) ?? `${result.change.ref} is updated.`;
      return privateNotice("success", message);
    }
  }
}

/** Where the change now stands, and what the new plan runs into. */
async function rescheduled(
  ctx: ChangeInteractionContext,
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
  const lines = conflictLines(conflicts, await serviceNames(ctx), timezone);
  const again =
    before === "scheduled" && change.status !== "scheduled"
      ? " Its approval was for the old plan, so it needs approval again."
      : "";
  const found =
    lines.length === 0 ? "No conflicts found." : `Conflicts:\n${lines.map((line) => `• ${line}`).join("\n")}`;
  return privateNotice(
    "success",
    `${change.ref} is rescheduled to ${formatWindow(change.plannedStart, change.plannedEnd, timezone)}.${again} ${found}`,
  );
}

type NewArgs = Extract<ChangeCommand, { subcommand: "new" }>["args"];

async function requestChange(ctx: ChangeInteractionContext, args: NewArgs): Promise<Reply> {
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
  const names = await serviceNames(ctx);
  const lines = conflictLines(conflicts, names, timezone);
  const next =
    change.type === "standard" ? "Submit it to schedule it (pre-approved)." : "Submit it when it is ready.";
  const found =
    lines.length === 0 ? "No conflicts found." : `Conflicts:\n${lines.map((line) => `• ${line}`).join("\n")}`;
  return privateNotice("success", `${change.ref} is requested: ${change.title}. ${found}\n${next}`);
}

/** A change card for one person: dates in their zone, and only the buttons they may use. */
export async function privateCard(ctx: ChangeInteractionContext, change: ChangeSnapshot) {
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
function serviceList(text: string): string[] {
  return text.split(/[\s,]+/).filter((id) => id !== "");
}

/** Service names for conflict lines, which also name the services of other changes. */
async function serviceNames(ctx: ChangeInteractionContext): Promise<(id: string) => string> {
  const services = await ctx.changes.db.service.findMany({ select: { id: true, name: true } });
  const names = new Map(services.map((service) => [service.id, service.name]));
  return (id) => names.get(id) ?? id;
}

type ActionCommand = Exclude<
  ChangeCommand,
  { subcommand: "help" | "new" | "list" | "show" | "calendar" | "approve" | "reject" }
>;

function actionInput(command: ActionCommand): ChangeActionInput {
  switch (command.subcommand) {
    case "submit":
      return { type: "submit" };
    case "authorize":
      return { type: "request_approval" };
    case "start":
      return { type: "start" };
    case "finish":
      return { type: "finish" };
    case "close":
      return {
        type: "close",
        code: command.args.code,
        ...(command.args.notes ? { notes: command.args.notes } : {}),
      };
    case "cancel":
      return { type: "cancel", reason: command.args.reason };
    case "reschedule":
      return {
        type: "reschedule",
        ...(command.args.start ? { start: command.args.start } : {}),
        ...(command.args.end ? { end: command.args.end } : {}),
        ...(command.args.services !== undefined ? { serviceIds: serviceList(command.args.services) } : {}),
      };
  }
}
