import type { LinkSection } from "../../../kernel/tickets/link-fields.js";
import type { Card, CardAction, CardField, Intent } from "../../../kernel/views/card.js";
import type { Tally } from "../approvals.js";
import type { ChangeAction, ChangeSnapshot } from "../model.js";
import { formatLocal, formatWindow } from "../planned-window.js";
import { changeActionId, changeActionPresentation } from "./actions.js";
import {
  changeImpactLabels,
  changeRiskLabels,
  changeStatusLabels,
  changeTypeShort,
  closureCodeLabels,
} from "./labels.js";

export interface ChangeViewOptions {
  /** The zone dates are shown in: the viewer's for private views, the desk's for channel posts. */
  readonly timezone: string;
  /** Conflict lines (change-conflicts.ts), shown so nobody decides without them. */
  readonly conflicts: readonly string[];
  /** Its links to other practices' items, with the buttons their owners offer here. */
  readonly linked?: Pick<LinkSection, "fields" | "actions">;
}

export function changeIntent(change: ChangeSnapshot): Intent {
  if (change.status === "closed") return change.closureCode === "successful" ? "success" : "warning";
  if (change.status === "cancelled") return "neutral";
  if (change.status === "rejected") return "danger";
  if (change.type === "emergency" || change.risk === "high") return "danger";
  return change.status === "scheduled" ? "success" : "warning";
}

export function changeCardAction(change: ChangeSnapshot, action: ChangeAction): CardAction {
  const { label, style, form, confirm } = changeActionPresentation[action];
  return {
    id: changeActionId(action),
    label,
    style,
    value: change.ref,
    ...(form === undefined ? {} : { requiresInput: form }),
    ...(confirm === undefined ? {} : { confirm }),
  };
}

function services(change: ChangeSnapshot): string {
  return change.services.length === 0 ? "None" : change.services.map((service) => service.name).join(", ");
}

function summaryFields(change: ChangeSnapshot, timezone: string): CardField[] {
  return [
    { label: "Status", value: changeStatusLabels[change.status], inline: true },
    { label: "Type", value: changeTypeShort[change.type], inline: true },
    { label: "Risk", value: changeRiskLabels[change.risk], inline: true },
    { label: "Impact", value: changeImpactLabels[change.impact], inline: true },
    { label: "Window", value: formatWindow(change.plannedStart, change.plannedEnd, timezone) },
    { label: "Services", value: services(change), inline: true },
    { label: "Requester", value: change.requester.displayName, inline: true },
    { label: "Implementer", value: change.assignee?.displayName ?? "Not named", inline: true },
  ];
}

function optionalField(label: string, value: string | null | undefined): CardField[] {
  return value ? [{ label, value }] : [];
}

function conflictField(conflicts: readonly string[]): CardField[] {
  return conflicts.length === 0
    ? []
    : [{ label: "Conflicts", value: conflicts.map((line) => `• ${line}`).join("\n") }];
}

/** The change card: its state, plans, conflicts, and the lifecycle buttons the caller allows. */
export function changeCard(
  change: ChangeSnapshot,
  actions: readonly ChangeAction[],
  options: ChangeViewOptions,
): Card {
  const body = change.description.trim();
  return {
    type: "card",
    title: `${change.ref} · ${change.title}`,
    subtitle: `${changeTypeShort[change.type]} change`,
    badge: { text: changeStatusLabels[change.status], intent: changeIntent(change) },
    fields: [
      ...summaryFields(change, options.timezone),
      ...optionalField("Implementation plan", change.implementationPlan),
      ...optionalField("Backout plan", change.backoutPlan),
      ...optionalField("Test plan", change.testPlan),
      ...(change.decision ? [{ label: "Decision", value: decisionText(change, options.timezone) }] : []),
      ...(change.blackoutOverride
        ? [{ label: "Blackout override", value: "Authorized inside a blackout as an emergency change" }]
        : []),
      ...(change.closureCode ? [{ label: "Closure", value: closureCodeLabels[change.closureCode] }] : []),
      ...optionalField("Review notes", change.closureNotes),
      ...conflictField(options.conflicts),
      ...(options.linked?.fields ?? []),
    ],
    ...(body === "" ? {} : { body }),
    timestamp: change.createdAt,
    actions: [
      ...actions.map((action) => changeCardAction(change, action)),
      ...(options.linked?.actions ?? []),
    ],
    links: [],
  };
}

function decisionText(change: ChangeSnapshot, timezone: string): string {
  const when = change.decidedAt ? ` on ${formatLocal(change.decidedAt, timezone)}` : "";
  return `${change.decision === "approved" ? "Approved" : "Rejected"}${when}`;
}

export interface ApprovalPromptOptions extends ChangeViewOptions {
  readonly approvers: string;
  readonly tally: Tally;
}

/**
 * The approval prompt in the approvals channel: what the CAB needs to decide (summary, risk, window,
 * services, conflicts), the tally so far, and Approve / Reject while the decision is open.
 */
export function approvalPrompt(change: ChangeSnapshot, options: ApprovalPromptOptions): Card {
  const open = change.status === "authorize";
  const { tally } = options;
  const votes = change.votes.map(
    (vote) =>
      `${vote.decision === "approve" ? "✅" : "❌"} ${vote.person.displayName}${vote.reason ? `: ${vote.reason}` : ""}`,
  );
  const outcome = change.decision
    ? `${change.decision === "approved" ? "Approved" : "Rejected"} (${tally.approvals} of ${tally.needed} approvals${tally.rejections ? `, ${tally.rejections} rejection` : ""})`
    : open
      ? `Waiting: ${tally.approvals} of ${tally.needed} approvals`
      : `No longer waiting: the change is ${changeStatusLabels[change.status].toLowerCase()}`;
  return {
    type: "card",
    title: `Approval needed · ${change.ref} · ${change.title}`,
    subtitle: `${changeTypeShort[change.type]} change · approvers: ${options.approvers}`,
    badge: {
      text:
        change.decision === "approved"
          ? "Approved"
          : change.decision === "rejected"
            ? "Rejected"
            : open
              ? "Awaiting approval"
              : changeStatusLabels[change.status],
      intent:
        change.decision === "approved" ? "success" : change.decision === "rejected" ? "danger" : "warning",
    },
    fields: [
      ...summaryFields(change, options.timezone).filter((field) => field.label !== "Status"),
      { label: "Tally", value: outcome },
      ...(votes.length ? [{ label: "Votes", value: votes.join("\n") }] : []),
      ...(change.blackoutOverride
        ? [{ label: "Blackout override", value: "Approved inside a blackout as an emergency change" }]
        : []),
      ...conflictField(options.conflicts),
    ],
    ...(change.description.trim() === "" ? {} : { body: change.description.trim() }),
    timestamp: change.authorizeStartedAt ?? change.createdAt,
    actions: open ? (["approve", "reject"] as const).map((action) => changeCardAction(change, action)) : [],
    links: [],
  };
}
