import type { LinkSection } from "../../../kernel/tickets/link-fields.js";
import type { Card, CardAction, CardField, Intent } from "../../../kernel/views/card.js";
import { type AnyProblemActionEntry, problemActionId, problemActionTable } from "../action-table.js";
import { actionsAllowedIn } from "../lifecycle.js";
import type { ProblemAction, ProblemSnapshot } from "../model.js";
import { causeCategoryLabels, levelLabels, priorityLabels, problemStatusLabels } from "./labels.js";

function intent(problem: ProblemSnapshot): Intent {
  if (problem.status === "resolved" || problem.status === "closed") return "success";
  if (problem.status === "cancelled") return "neutral";
  return problem.priority === "P1" || problem.priority === "P2" ? "danger" : "warning";
}

/**
 * The buttons a card shows: what the lifecycle allows now, minus the pointless (publishing twice) and the
 * text-only ones. Rights are checked when a button is pressed: a card in a channel is shared.
 */
export function availableProblemActions(problem: ProblemSnapshot): ProblemAction[] {
  return actionsAllowedIn(problem.status).filter((action) => {
    const entry: AnyProblemActionEntry = problemActionTable[action];
    if ("textOnly" in entry && entry.textOnly) return false;
    if (action === "publish")
      return problem.knownError === null && (problem.rootCause !== null || problem.workaround !== null);
    return true;
  });
}

function problemCardAction(problem: ProblemSnapshot, action: ProblemAction): CardAction {
  const entry: AnyProblemActionEntry = problemActionTable[action];
  return {
    id: problemActionId(action),
    label: entry.label,
    style: entry.style,
    value: problem.ref,
    ...(entry.form ? { requiresInput: `problem.${entry.subcommand}` } : {}),
  };
}

function analysisFields(problem: ProblemSnapshot): CardField[] {
  const fields: CardField[] = [];
  if (problem.symptom) fields.push({ label: "Symptom", value: problem.symptom });
  if (problem.rootCause) {
    const category = problem.causeCategory ? ` (${causeCategoryLabels[problem.causeCategory]})` : "";
    fields.push({ label: "Root cause", value: `${problem.rootCause}${category}` });
  }
  if (problem.workaround) fields.push({ label: "Workaround", value: problem.workaround });
  if (problem.resolutionNote) fields.push({ label: "Resolution", value: problem.resolutionNote });
  if (problem.cancelReason) fields.push({ label: "Cancelled because", value: problem.cancelReason });
  return fields;
}

/** The problem card, in its service's channel and in private answers (`/problem show`). */
export function problemCard(
  problem: ProblemSnapshot,
  actions: readonly ProblemAction[],
  linked?: Pick<LinkSection, "fields" | "actions">,
): Card {
  const body = problem.description.trim();
  return {
    type: "card",
    title: `${problem.ref} · ${problem.title}`,
    subtitle: "Problem",
    badge: { text: problemStatusLabels[problem.status], intent: intent(problem) },
    fields: [
      { label: "Status", value: problemStatusLabels[problem.status], inline: true },
      { label: "Priority", value: priorityLabels[problem.priority], inline: true },
      { label: "Service", value: problem.service?.name ?? "None", inline: true },
      { label: "Owner", value: problem.owner?.displayName ?? "Unassigned", inline: true },
      ...(problem.knownError ? [{ label: "Known error", value: problem.knownError.ref, inline: true }] : []),
      ...analysisFields(problem),
      ...(linked?.fields ?? []),
    ],
    ...(body === "" ? {} : { body }),
    // Slack shows at most ten fields: who raised it and the matrix inputs go on the context line.
    context:
      `Raised by ${problem.reporter.displayName} · ` +
      `impact ${levelLabels[problem.impact].toLowerCase()}, urgency ${levelLabels[problem.urgency].toLowerCase()}`,
    timestamp: problem.createdAt,
    actions: [...actions.map((action) => problemCardAction(problem, action)), ...(linked?.actions ?? [])],
    links: [],
  };
}
