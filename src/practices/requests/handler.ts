import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import { ValidationError } from "../../kernel/errors.js";
import type { AnyCommand, PracticeRequest } from "../../kernel/practice.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { searchItems } from "./catalog.js";
import { type RequestCommand, requestCommand } from "./command.js";
import type { RequestContext } from "./context.js";
import { answerQuestion, askRequester, cancelRequest, castVote, reopenRequest } from "./decide.js";
import { delegateApprovals } from "./delegate.js";
import { rawValuesOf, readValuesText } from "./field-values.js";
import { listRequests } from "./list-requests.js";
import { parseTaskRef } from "./model.js";
import { cardOf, namesFor } from "./posts.js";
import { requestClockFigures } from "./sla/read-clocks.js";
import { findRequest } from "./snapshot.js";
import { submitRequest } from "./submit.js";
import { actOnTask } from "./tasks.js";
import { catalogCard, itemsCard } from "./views/picker.js";

function taskOf(text: string) {
  const ref = parseTaskRef(text);
  if (!ref)
    throw new ValidationError(
      `"${text}" is not a task; write it as the request and task number, like REQ-4/1.`,
    );
  return ref;
}

/** Runs one typed `/request` command, however it arrived (text, Discord options, a button, a form). */
export async function runRequestCommand(
  ctx: RequestContext,
  request: PracticeRequest & { fromForm: boolean },
  command: RequestCommand & Pick<AnyCommand, "extra">,
): Promise<Reply> {
  const { actor, platform } = request;
  const settings = ctx.config.requests;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([requestCommand]), "request"));
    case "new": {
      const { draft, range: _range, ...extra } = rawValuesOf(command.extra);
      if (!command.args.item) return { kind: "view", view: catalogCard(settings) };
      const draftId = typeof draft === "string" && /^\d{1,9}$/.test(draft) ? Number(draft) : undefined;
      return submitRequest(ctx, actor, platform, {
        itemId: command.args.item,
        raw: { ...readValuesText(command.args.values), ...extra },
        fromForm: request.fromForm,
        ...(draftId !== undefined ? { draftId } : {}),
      });
    }
    case "continue":
      throw new Error("/request continue opens a form; the practice plans it");
    case "search": {
      const found = searchItems(settings, command.args.words);
      return {
        kind: "view",
        view: itemsCard(
          `Catalog items matching "${command.args.words}"`,
          found,
          "Nothing in the catalog matches; try fewer words.",
        ),
      };
    }
    case "list":
      return { kind: "view", view: await listRequests(ctx.db, actor, command.args.scope) };
    case "show": {
      const found = await findRequest(ctx.db, command.args.ref);
      const now = ctx.clock.now().getTime();
      const clocks = await requestClockFigures(ctx.db, ctx.config, found.id, now);
      return { kind: "view", view: cardOf(ctx, found, await namesFor(ctx.db, ctx, found), clocks) };
    }
    case "approve":
    case "reject": {
      const result = await castVote(
        ctx,
        actor,
        command.args.ref,
        command.subcommand,
        command.subcommand === "reject" ? command.args.reason : undefined,
      );
      const ref = result.request.ref;
      if (result.outcome === "rejected")
        return privateNotice("success", `You rejected ${ref}; the requester is told why.`);
      if (result.outcome === "approved")
        return privateNotice(
          "success",
          result.nextStage
            ? `Your approval is recorded: ${ref} moves to its next approval stage.`
            : `Your approval is recorded: ${ref} is approved.`,
        );
      const approvals = result.request.approvers.filter(
        (a) => a.stage === result.request.stage && a.decision === "approve",
      ).length;
      return privateNotice(
        "success",
        `Your approval is recorded: ${ref} has ${approvals} of ${result.request.needed} approvals.`,
      );
    }
    case "ask": {
      const asked = await askRequester(ctx, actor, command.args.ref, command.args.question);
      return privateNotice(
        "success",
        `Your question is sent to ${asked.requester.displayName}; ${asked.ref} waits for the answer.`,
      );
    }
    case "answer": {
      const answered = await answerQuestion(ctx, actor, command.args.ref, command.args.answer);
      return privateNotice("success", `Your answer is sent; ${answered.ref} waits for the approvers again.`);
    }
    case "cancel": {
      const cancelled = await cancelRequest(ctx, actor, command.args.ref, command.args.reason);
      return privateNotice("success", `${cancelled.ref} is cancelled.`);
    }
    case "reopen": {
      const reopened = await reopenRequest(ctx, actor, command.args.ref, command.args.reason);
      return privateNotice("success", `${reopened.ref} is reopened; its tasks are open again.`);
    }
    case "take":
    case "done":
    case "blocked": {
      const ref = taskOf(command.args.task);
      const step =
        command.subcommand === "take"
          ? ({ type: "take" } as const)
          : command.subcommand === "done"
            ? ({ type: "done", ...(command.args.note ? { note: command.args.note } : {}) } as const)
            : ({ type: "blocked", reason: command.args.reason } as const);
      const { request: after, task } = await actOnTask(ctx, actor, ref, step);
      const words = { take: "is yours", done: "is done", blocked: "is marked blocked" }[command.subcommand];
      const tail = after.status === "fulfilled" ? ` ${after.ref} is fulfilled.` : "";
      return privateNotice("success", `${task.ref} (${task.title}) ${words}.${tail}`);
    }
    case "delegate":
      return privateNotice(
        "success",
        await delegateApprovals(ctx, actor, platform, command.args.to.platformId, command.args.until),
      );
  }
}
