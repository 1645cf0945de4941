import type { List, ListItem } from "../../../kernel/views/list.js";
import type { ProblemSnapshot } from "../model.js";
import { priorityLabels, problemStatusLabels } from "./labels.js";

function problemListItem(problem: ProblemSnapshot): ListItem {
  return {
    ref: problem.ref,
    title: problem.title,
    fields: [
      { label: "Status", value: problemStatusLabels[problem.status], inline: true },
      { label: "Priority", value: priorityLabels[problem.priority], inline: true },
      { label: "Owner", value: problem.owner?.displayName ?? "Unassigned", inline: true },
      ...(problem.knownError ? [{ label: "Known error", value: problem.knownError.ref, inline: true }] : []),
    ],
  };
}

export function problemList(title: string, problems: readonly ProblemSnapshot[]): List {
  return { type: "list", title, items: problems.map(problemListItem), emptyText: "No problems to show." };
}
