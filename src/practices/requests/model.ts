import type { PersonRef } from "../../kernel/people/actor.js";

/** Service requests are numbered REQ-1, REQ-2, … without gaps (kernel/tickets/next-number.ts). */
export const REQUEST_PREFIX = "REQ";

export const requestStatuses = [
  "awaiting_approval",
  "awaiting_info",
  "in_fulfilment",
  "fulfilled",
  "rejected",
  "cancelled",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const openRequestStatuses: readonly RequestStatus[] = [
  "awaiting_approval",
  "awaiting_info",
  "in_fulfilment",
];

export const taskStatuses = ["waiting", "open", "taken", "done", "blocked"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const requestLimits = { reasonMax: 500, noteMax: 1000, questionMax: 1000 } as const;

export interface ApproverSnapshot {
  readonly stage: number;
  readonly person: PersonRef;
  readonly onBehalfOf: PersonRef | null;
  readonly decision: "approve" | "reject" | null;
  readonly reason: string | null;
}

export interface TaskSnapshot {
  readonly id: number;
  readonly position: number;
  /** `REQ-4/2`: the task's card title and its buttons' value. */
  readonly ref: string;
  readonly title: string;
  readonly groupId: string;
  readonly instructions: string;
  readonly status: TaskStatus;
  readonly assignee: PersonRef | null;
  readonly note: string | null;
  readonly version: number;
  readonly updatedAt: Date;
}

/** A request as every use case and view sees it: people named, values parsed. */
export interface RequestSnapshot {
  readonly id: number;
  readonly number: number;
  readonly ref: string;
  readonly itemId: string;
  readonly itemName: string;
  /** Field id → value, in the item's field order; people already as display names in `shown`. */
  readonly values: Readonly<Record<string, string>>;
  readonly status: RequestStatus;
  readonly requester: PersonRef;
  readonly stage: number;
  readonly needed: number;
  readonly reason: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly fulfilledAt: Date | null;
  readonly version: number;
  readonly approvers: readonly ApproverSnapshot[];
  readonly tasks: readonly TaskSnapshot[];
  readonly openQuestion: { readonly id: number; readonly asker: PersonRef; readonly question: string } | null;
}

export function requestRef(number: number): string {
  return `${REQUEST_PREFIX}-${number}`;
}

export function taskRef(number: number, position: number): string {
  return `${requestRef(number)}/${position}`;
}

/** `REQ-4/2`, `4/2`: the request number and the task position. */
export function parseTaskRef(text: string): { number: number; position: number } | undefined {
  const match = /^(?:REQ-|#)?(\d{1,9})\/(\d{1,3})$/i.exec(text.trim());
  if (!match) return undefined;
  return { number: Number(match[1]), position: Number(match[2]) };
}
