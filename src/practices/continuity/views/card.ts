import type { ContinuityPlan } from "../../../config/continuity-schema.js";
import type { Card, CardAction, CardField } from "../../../kernel/views/card.js";
import { countdownText, formatMinutes, recoveryText } from "../countdown.js";
import type { RunSnapshot, RunStep, StepStatus } from "../model.js";

const marks: Record<StepStatus, string> = { pending: "⬜", started: "⏳", done: "✅", blocked: "⛔" };
const words: Record<StepStatus, string> = {
  pending: "To do",
  started: "Started",
  done: "Done",
  blocked: "Blocked",
};

/** Steps that may be worked now: in an ordered plan, the first one not done; otherwise every open one. */
export function workableSteps(run: RunSnapshot): RunStep[] {
  const open = run.steps.filter((step) => step.status !== "done");
  return run.ordered ? open.slice(0, 1) : open;
}

function stepActions(run: RunSnapshot): CardAction[] {
  if (run.status !== "active") return [];
  // At most four steps' buttons (12) plus "Service restored" keep inside every platform's button limit.
  const actions = workableSteps(run)
    .slice(0, 4)
    .flatMap((step) => {
      const value = `${run.ref}#${step.position}`;
      const n = run.ordered ? "" : ` ${step.position}`;
      return [
        ...(step.status === "pending" || step.status === "blocked"
          ? [{ id: "continuity.start", label: `Start${n}`, style: "primary" as const, value }]
          : []),
        { id: "continuity.done", label: `Done${n}`, style: "primary" as const, value },
        ...(step.status !== "blocked"
          ? [{ id: "continuity.blocked", label: `Blocked${n}`, style: "danger" as const, value }]
          : []),
      ];
    });
  return [
    ...actions,
    { id: "continuity.restored", label: "Service restored", style: "default", value: run.ref },
  ];
}

/** The checklist card: every step with its owner and state, the countdown, the objectives, the contacts. */
export function runCard(
  run: RunSnapshot,
  context: { serviceName: string; groupName: (id: string) => string; plan?: ContinuityPlan; now: Date },
): Card {
  const steps = run.steps
    .map(
      (step) =>
        `${marks[step.status]} ${step.position}. ${step.title} — ${context.groupName(step.ownerGroupId)} (${words[step.status]})${step.note ? `: ${step.note}` : ""}`,
    )
    .join("\n");
  const fields: CardField[] = [
    { label: "Status", value: run.status === "active" ? "Recovering" : "Recovered", inline: true },
    { label: "Mode", value: run.drill ? "DRILL (exercise, not a real outage)" : "Live", inline: true },
    ...(run.incidentRef ? [{ label: "Incident", value: run.incidentRef, inline: true }] : []),
    {
      label: "Objectives",
      value: `RTO ${formatMinutes(run.rtoMinutes)} · RPO ${formatMinutes(run.rpoMinutes)} · MTD ${formatMinutes(run.mtdMinutes)}`,
    },
    run.status === "active"
      ? { label: "Countdown", value: countdownText(run, context.now) }
      : { label: "Recovery time", value: recoveryText(run) },
    { label: "Steps", value: `${steps}${run.ordered ? "\n(in this order)" : ""}` },
    ...(context.plan?.contacts.length
      ? [{ label: "Contacts", value: context.plan.contacts.join("\n") }]
      : []),
  ];
  return {
    type: "card",
    title: `${run.ref} · ${run.drill ? "DRILL: " : ""}${context.serviceName} recovery`,
    subtitle: run.drill ? "Continuity drill" : "Continuity plan invoked",
    badge: {
      text: run.status === "active" ? (run.drill ? "Drill" : "Recovering") : "Recovered",
      intent: run.status === "active" ? (run.drill ? "warning" : "danger") : "success",
    },
    fields,
    timestamp: run.startedAt,
    actions: stepActions(run),
    links: [],
  };
}
