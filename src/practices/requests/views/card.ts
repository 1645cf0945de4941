import type { CatalogItem } from "../../../config/request-settings.js";
import type { Card, CardAction, CardField, Intent } from "../../../kernel/views/card.js";
import type { RequestSnapshot, TaskSnapshot } from "../model.js";
import { requestButton } from "./actions.js";
import { requestStatusLabels, taskStatusLabels } from "./labels.js";

/** The values as people read them: labels from the item, people by name, empty fields left out. */
export function valueFields(
  request: Pick<RequestSnapshot, "values">,
  item: CatalogItem | undefined,
  names: ReadonlyMap<string, string>,
): CardField[] {
  return Object.entries(request.values).map(([id, value]) => {
    const field = item?.fields.find((candidate) => candidate.id === id);
    const shown =
      field?.type === "person"
        ? (names.get(value) ?? value)
        : field?.type === "choice" || field?.type === "multichoice"
          ? value
              .split(",")
              .map((v) => field.options.find((o) => o.value === v)?.label ?? v)
              .join(", ")
          : value;
    return { label: field?.label ?? id, value: shown, inline: true };
  });
}

export function requestIntent(request: RequestSnapshot): Intent {
  if (request.status === "fulfilled") return "success";
  if (request.status === "rejected") return "danger";
  if (request.status === "cancelled") return "neutral";
  return "warning";
}

function approvalLine(request: RequestSnapshot): string | undefined {
  const stage = request.approvers.filter((a) => a.stage === request.stage);
  if (stage.length === 0) return undefined;
  const approvals = stage.filter((a) => a.decision === "approve").length;
  const who = stage
    .map(
      (a) =>
        `${a.person.displayName}${a.decision ? ` (${a.decision === "approve" ? "approved" : "rejected"})` : ""}`,
    )
    .join(", ");
  return `${approvals} of ${request.needed} approvals · ${who}`;
}

export interface RequestCardOptions {
  readonly item: CatalogItem | undefined;
  readonly names: ReadonlyMap<string, string>;
  readonly actions: readonly CardAction[];
  /** The current SLA clocks in a line, when the item has an SLA. */
  readonly sla?: string;
}

/** The request's card in its channel (and privately with /request show). */
export function requestCard(request: RequestSnapshot, options: RequestCardOptions): Card {
  const approval =
    request.status === "awaiting_approval" || request.status === "awaiting_info"
      ? approvalLine(request)
      : undefined;
  const tasks = request.tasks.map(
    (t) =>
      `${t.position}. ${t.title}: ${taskStatusLabels[t.status]}${t.assignee ? ` (${t.assignee.displayName})` : ""}`,
  );
  return {
    type: "card",
    title: `${request.ref} · ${request.itemName}`,
    subtitle: `Requested by ${request.requester.displayName}`,
    badge: { text: requestStatusLabels[request.status], intent: requestIntent(request) },
    fields: [
      { label: "Status", value: requestStatusLabels[request.status], inline: true },
      { label: "Requester", value: request.requester.displayName, inline: true },
      ...valueFields(request, options.item, options.names),
      ...(approval ? [{ label: "Approval", value: approval }] : []),
      ...(request.openQuestion
        ? [
            {
              label: "Question",
              value: `${request.openQuestion.asker.displayName}: ${request.openQuestion.question}`,
            },
          ]
        : []),
      ...(tasks.length > 0 ? [{ label: "Tasks", value: tasks.join("\n") }] : []),
      ...(request.reason ? [{ label: "Reason", value: request.reason }] : []),
      ...(options.sla ? [{ label: "SLA", value: options.sla }] : []),
    ],
    timestamp: request.createdAt,
    actions: options.actions,
    links: [],
  };
}

/** What an approver gets privately: the summary and Approve / Reject / Ask for more info. */
export function approvalCard(request: RequestSnapshot, options: Omit<RequestCardOptions, "actions">): Card {
  return {
    type: "card",
    title: `Approval needed · ${request.ref} · ${request.itemName}`,
    subtitle: `Requested by ${request.requester.displayName}`,
    fields: [
      { label: "Requester", value: request.requester.displayName, inline: true },
      ...valueFields(request, options.item, options.names),
    ],
    timestamp: request.createdAt,
    actions: [
      requestButton("approve", request.ref),
      requestButton("reject", request.ref),
      requestButton("ask", request.ref),
    ],
    links: [],
  };
}

/** A fulfilment task's card in its group's channel, with Take / Done / Blocked while it is open. */
export function taskCard(request: RequestSnapshot, task: TaskSnapshot, groupName: string): Card {
  const live = request.status === "in_fulfilment";
  const actions =
    !live || task.status === "done" || task.status === "waiting"
      ? []
      : task.status === "taken"
        ? [requestButton("done", task.ref), requestButton("blocked", task.ref)]
        : [
            requestButton("take", task.ref),
            requestButton("done", task.ref),
            requestButton("blocked", task.ref),
          ];
  const status =
    live || task.status === "done"
      ? taskStatusLabels[task.status]
      : `Request ${request.status.replace("_", " ")}`;
  return {
    type: "card",
    title: `${task.ref} · ${task.title}`,
    subtitle: `${request.ref} · ${request.itemName} for ${request.requester.displayName}`,
    badge: {
      text: status,
      intent: task.status === "done" ? "success" : task.status === "blocked" ? "danger" : "warning",
    },
    fields: [
      { label: "Status", value: status, inline: true },
      { label: "Group", value: groupName, inline: true },
      { label: "Assignee", value: task.assignee?.displayName ?? "Nobody yet", inline: true },
      ...(task.instructions ? [{ label: "Instructions", value: task.instructions }] : []),
      ...(task.note
        ? [{ label: task.status === "blocked" ? "Blocked because" : "Note", value: task.note }]
        : []),
    ],
    actions,
    links: [],
  };
}
