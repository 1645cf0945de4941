import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import type { Actor, Platform } from "../../kernel/people/actor.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";
import { linkSection } from "../../kernel/tickets/link-fields.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import {
  type AnyProblemActionEntry,
  problemActionForSubcommand,
  problemActionTable,
} from "./action-table.js";
import { applyProblemAction } from "./apply-problem-action.js";
import { type ProblemCommand, problemCommand } from "./command.js";
import type { ProblemContext } from "./context.js";
import { createProblem } from "./create-problem.js";
import { findProblem } from "./find-problem.js";
import type { ProblemActionInput } from "./inputs.js";
import { linkProblem, startFix } from "./link-problem.js";
import { listProblems } from "./list-problems.js";
import { PROBLEM_PREFIX, type ProblemAction, type ProblemSnapshot } from "./model.js";
import { mayPerform } from "./permissions.js";
import { availableProblemActions, problemCard } from "./views/card.js";
import { problemList } from "./views/list.js";

/** Who is acting on a problem, from where, and the problem services. */
export interface ProblemRequest {
  platform: Platform;
  actor: Actor;
  problems: ProblemContext;
}

const listTitles = {
  mine: "Your open problems",
  open: "Open problems",
  known: "Known errors",
  all: "All problems",
} as const;

/**
 * Runs one typed `/problem` command, however it arrived (typed text, Discord options, a button, a form), and
 * says what to show the person. Platform-neutral: every adapter calls this.
 */
export async function runProblemCommand(ctx: ProblemRequest, command: ProblemCommand): Promise<Reply> {
  const { problems, actor } = ctx;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([problemCommand]), "problem"));
    case "new": {
      const { title, service, incidents, impact, urgency, symptom, description } = command.args;
      const problem = await createProblem(problems, actor, {
        title,
        impact,
        urgency,
        ...(service ? { serviceId: service } : {}),
        ...(symptom ? { symptom } : {}),
        ...(description ? { description } : {}),
        incidents: splitReferences(incidents),
      });
      const linked = await linkedLabels(ctx, problem);
      return privateNotice(
        "success",
        `${problem.ref} is raised with priority ${problem.priority}: ${problem.title}` +
          (linked.length ? ` (linked: ${linked.join(", ")})` : ""),
      );
    }
    case "list": {
      const page = await listProblems(problems.db, actor, command.args.scope);
      const more = page.total > page.problems.length ? ` (${page.problems.length} of ${page.total})` : "";
      return { kind: "view", view: problemList(`${listTitles[command.args.scope]}${more}`, page.problems) };
    }
    case "show":
      return { kind: "view", view: await privateCard(ctx, await findProblem(problems.db, command.args.ref)) };
    case "link":
    case "unlink": {
      const remove = command.subcommand === "unlink";
      const done = await linkProblem(problems, actor, {
        number: command.args.ref,
        item: command.args.item,
        remove,
      });
      return privateNotice(
        "success",
        remove
          ? `${done.problem.ref} is no longer linked to ${done.other.label}.`
          : `${done.problem.ref} is linked to ${done.other.label} (${done.relation}): ${done.other.title}`,
      );
    }
    case "fix": {
      const done = await startFix(problems, actor, { number: command.args.ref, change: command.args.change });
      return privateNotice(
        "success",
        done.change
          ? `The fix of ${done.problem.ref} is ${done.change.label}: ${done.problem.ref} is resolved when it closes successful.`
          : problemActionTable.start_fix.done(done.problem.ref),
      );
    }
    case "assign": {
      const input: ProblemActionInput = command.args.to
        ? { type: "assign", ownerId: await personFor(ctx, command.args.to.platformId) }
        : { type: "take" };
      return applyAndTell(ctx, input.type === "assign" ? "assign" : "take", command.args.ref, input);
    }
    default: {
      const action = problemActionForSubcommand(command.subcommand);
      const entry = problemActionTable[action] as AnyProblemActionEntry;
      const input = (entry.input as (args: typeof command.args) => ProblemActionInput)(command.args);
      return applyAndTell(ctx, action, command.args.ref, input);
    }
  }
}

/** Applies one action and tells the person what it did, in the words of the action table. */
export async function applyAndTell(
  ctx: ProblemRequest,
  action: ProblemAction,
  number: number,
  input: ProblemActionInput,
): Promise<Reply> {
  const result = await applyProblemAction(ctx.problems, ctx.actor, number, input);
  if (action === "publish" && result.problem.knownError)
    return privateNotice(
      "success",
      `${result.problem.ref} is published as known error ${result.problem.knownError.ref}.`,
    );
  return privateNotice("success", problemActionTable[action].done(result.problem.ref));
}

/** `/problem show`: the card with its links, and only the buttons this person may press. */
async function privateCard(ctx: ProblemRequest, problem: ProblemSnapshot) {
  const linked = await linkSection(ctx.problems.db, ctx.problems.tickets, {
    kind: PROBLEM_PREFIX,
    key: String(problem.number),
  });
  const actions = availableProblemActions(problem).filter((a) =>
    mayPerform(ctx.actor, problem, a, ctx.problems.managers),
  );
  return problemCard(problem, actions, linked);
}

async function linkedLabels(ctx: ProblemRequest, problem: ProblemSnapshot): Promise<string[]> {
  const section = await linkSection(ctx.problems.db, ctx.problems.tickets, {
    kind: PROBLEM_PREFIX,
    key: String(problem.number),
  });
  return section.items.map((item) => item.summary.label);
}

/** `INC-3,INC-5`, `INC-3 INC-5`, `INC-3, INC-5`: what people type as a list. */
export function splitReferences(typed: string | undefined): string[] {
  if (!typed) return [];
  return [...new Set(typed.split(/[\s,;]+/).filter((part) => part !== ""))];
}

async function personFor(ctx: ProblemRequest, platformId: string): Promise<string> {
  const person = await resolveActor(ctx.problems.db, {
    platform: ctx.platform,
    externalId: platformId,
    displayName: platformId,
  });
  return person.person.id;
}
