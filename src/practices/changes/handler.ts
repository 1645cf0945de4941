import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { privateCard, requestChange, rescheduled, serviceList } from "./answers.js";
import { applyChangeAction } from "./apply-change-action.js";
import { castVote } from "./cast-vote.js";
import { type ChangeCommand, changeCommand } from "./command.js";
import { findChange } from "./find-change.js";
import type { ChangeActionInput } from "./inputs.js";
import { changesBetween, listChanges } from "./list-changes.js";
import type { ChangeRequest } from "./request.js";
import { changeCalendar, changeList } from "./views/list.js";

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
export async function runChangeCommand(ctx: ChangeRequest, command: ChangeCommand): Promise<Reply> {
  const { changes, actor } = ctx;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([changeCommand]), "change"));
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
