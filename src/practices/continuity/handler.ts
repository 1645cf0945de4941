import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import { ValidationError } from "../../kernel/errors.js";
import type { Actor, Platform } from "../../kernel/people/actor.js";
import { clipText } from "../../kernel/text/clip.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { type ContinuityCommand, continuityCommand } from "./command.js";
import { type ContinuityContext, serviceName } from "./context.js";
import { formatMinutes, recoveryText } from "./countdown.js";
import { drillStatus } from "./drills.js";
import { invokePlan } from "./invoke.js";
import { runRef } from "./model.js";
import { markRestored, workStep } from "./work-step.js";

export interface ContinuityRequest {
  continuity: ContinuityContext;
  platform: Platform;
  actor: Actor;
}

/** Runs one typed `/continuity` command, however it arrived (text, options, a button). */
export async function runContinuityCommand(
  ctx: ContinuityRequest,
  command: ContinuityCommand,
): Promise<Reply> {
  const { continuity, actor } = ctx;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([continuityCommand]), "continuity"));
    case "invoke":
    case "drill": {
      const drill = command.subcommand === "drill";
      const incident =
        command.subcommand === "invoke" ? command.args.incident?.trim().toUpperCase() : undefined;
      const run = await invokePlan(continuity, actor, command.args.service, {
        drill,
        ...(incident ? { incidentRef: incident } : {}),
      });
      const name = serviceName(continuity.config, run.serviceId);
      return privateNotice(
        "success",
        drill
          ? `${run.ref} is a drill of the continuity plan for ${name}; the clock runs against RTO ${formatMinutes(run.rtoMinutes)}.`
          : `${run.ref}: the continuity plan for ${name} is invoked; the checklist is posted.`,
      );
    }
    case "status": {
      const statuses = await drillStatus(continuity.db, continuity.config, continuity.clock.now());
      return {
        kind: "view",
        view: {
          type: "list",
          title: "Continuity plans",
          emptyText: "No continuity plans are declared in opsdesk.yaml (continuity.plans).",
          items: statuses.map((status) => ({
            ref: status.plan.serviceId,
            title: `${serviceName(continuity.config, status.plan.serviceId)}${status.overdue ? " · DRILL OVERDUE" : ""}`,
            intent: status.overdue ? ("warning" as const) : ("success" as const),
            fields: [
              {
                label: "Objectives",
                value: `RTO ${formatMinutes(status.plan.rtoMinutes)} · RPO ${formatMinutes(status.plan.rpoMinutes)} · MTD ${formatMinutes(status.plan.mtdMinutes)}`,
              },
              { label: "Last drill", value: status.lastDrill ? status.lastDrillText : "Never" },
              ...(status.lastDrill?.recoveryMinutes !== null && status.lastDrill
                ? [{ label: "Drill result", value: recoveryText(status.lastDrill) }]
                : []),
              ...(status.lastLive?.recoveryMinutes !== null && status.lastLive
                ? [{ label: "Last recovery", value: recoveryText(status.lastLive) }]
                : []),
              ...(status.active ? [{ label: "Running now", value: runRef(status.active.number) }] : []),
              { label: "Drill overdue", value: status.overdue ? "Yes" : "No", inline: true },
            ],
          })),
        },
      };
    }
    case "start":
    case "done":
    case "blocked": {
      const position = stepNumber(command.args.step);
      const note = command.subcommand === "blocked" ? command.args.reason : undefined;
      const { run, title } = await workStep(
        continuity,
        actor,
        command.args.ref,
        position,
        command.subcommand,
        note,
      );
      const words = { start: "started", done: "done", blocked: "blocked" }[command.subcommand];
      return privateNotice("success", `Step ${position} of ${run.ref} (${title}) is ${words}.`);
    }
    case "restored": {
      const run = await markRestored(continuity, actor, command.args.ref);
      return privateNotice("success", `${run.ref}: ${recoveryText(run)}.`);
    }
  }
}

function stepNumber(typed: string): number {
  const position = Number(typed.trim());
  if (!Number.isInteger(position) || position < 1) {
    throw new ValidationError(
      `"${clipText(typed, 10)}" is not a step number. Write the step's number, like 2.`,
    );
  }
  return position;
}
