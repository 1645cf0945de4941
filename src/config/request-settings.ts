import type { Quorum } from "./change-settings.js";
import type { ChannelRefs } from "./types.js";

/**
 * The service catalog as the requests practice sees it (ITIL 4 service request management: "pre-defined,
 * pre-authorised" requests offered through a catalog): categories, items with their form, approval and
 * fulfilment, every reference checked.
 */
export const requestFieldTypes = [
  "text",
  "longtext",
  "choice",
  "multichoice",
  "person",
  "date",
  "number",
  "yesno",
] as const;
export type RequestFieldType = (typeof requestFieldTypes)[number];

export interface RequestFieldOption {
  readonly value: string;
  readonly label: string;
}

export interface RequestField {
  /** The key typed in `/request laptop model:pro` and the form field's id. */
  readonly id: string;
  readonly label: string;
  readonly type: RequestFieldType;
  readonly required: boolean;
  /** As typed in the file; already valid for the field. */
  readonly default?: string;
  readonly help?: string;
  readonly options: readonly RequestFieldOption[];
  /** Text and long text: a regular expression the whole value must match, and what it means. */
  readonly pattern?: string;
  readonly patternHelp?: string;
  /** Numbers: the inclusive range. */
  readonly min?: number;
  readonly max?: number;
  /** Text and long text. */
  readonly maxLength: number;
}

/** One approval stage: the requester's manager, or a group deciding by quorum (any rejection rejects). */
export type ApprovalStage =
  | { readonly kind: "manager" }
  | { readonly kind: "group"; readonly group: string; readonly quorum: Quorum };

export interface FulfilmentTask {
  readonly title: string;
  readonly group: string;
  /** May name field values as {field} and the requester as {requester}. */
  readonly instructions: string;
}

/** An item's SLA targets; the clocks run on `calendar` and warn at `thresholds` (50, 75 and 90 % by default). */
export interface RequestSla {
  readonly response: { readonly text: string; readonly ms: number };
  readonly fulfilment: { readonly text: string; readonly ms: number };
  readonly calendar: string;
  readonly thresholds?: readonly number[];
}

export interface CatalogItem {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  /** Group ids whose members may request it; empty means everyone. */
  readonly requestableBy: readonly string[];
  readonly fields: readonly RequestField[];
  /** In order; none means the request goes straight to fulfilment. */
  readonly approval: readonly ApprovalStage[];
  /** `ordered`: one task opens when the previous is done; `parallel`: all open at once. */
  readonly taskOrder: "ordered" | "parallel";
  readonly tasks: readonly FulfilmentTask[];
  /** Absent: requests for this item run no SLA clocks. */
  readonly sla?: RequestSla;
}

export interface CatalogCategory {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface RequestSettings {
  readonly categories: readonly CatalogCategory[];
  readonly items: readonly CatalogItem[];
  /** Where request cards go; defaults to the approvals channels. */
  readonly channels: ChannelRefs;
  /** Group id → where that group's fulfilment tasks are posted; defaults to the request channels. */
  readonly taskChannels: Readonly<Record<string, ChannelRefs>>;
  /** Person id → their manager's person id, for `approval: manager`. */
  readonly managers: Readonly<Record<string, string>>;
  /** How long after fulfilment the requester may reopen, in minutes. */
  readonly reopenWithinMinutes: number;
  /** Reminders and escalation of approvals left waiting; absent: none. */
  readonly approvalDeadline?: ApprovalDeadline;
}

/** Business time on `calendar` (in each approver's zone) before a waiting approval is reminded, then escalated. */
export interface ApprovalDeadline {
  readonly remindAfter: { readonly text: string; readonly ms: number };
  readonly escalateAfter: { readonly text: string; readonly ms: number };
  readonly calendar: string;
}

export function emptyRequestSettings(): RequestSettings {
  return {
    categories: [],
    items: [],
    channels: {},
    taskChannels: {},
    managers: {},
    reopenWithinMinutes: 5 * 24 * 60,
  };
}
