import type { ActionStyle } from "../../../kernel/views/card.js";

/** Every button the requests practice shows, and the `/request` subcommand each one runs. */
export const requestActions = [
  "category",
  "item",
  "next",
  "approve",
  "reject",
  "ask",
  "answer",
  "cancel",
  "reopen",
  "take",
  "done",
  "blocked",
] as const;
export type RequestAction = (typeof requestActions)[number];

export interface RequestActionPresentation {
  readonly label: string;
  readonly style: ActionStyle;
  /** Set when the action needs input first: the form it opens. */
  readonly form?: string;
}

export const requestActionPresentation: Readonly<Record<RequestAction, RequestActionPresentation>> = {
  category: { label: "Browse", style: "default" },
  item: { label: "Request", style: "primary", form: "request.new" },
  next: { label: "Next", style: "primary", form: "request.new" },
  approve: { label: "Approve", style: "primary" },
  reject: { label: "Reject", style: "danger", form: "request.reject" },
  ask: { label: "Ask for more info", style: "default", form: "request.ask" },
  answer: { label: "Answer", style: "primary", form: "request.answer" },
  cancel: { label: "Cancel request", style: "danger", form: "request.cancel" },
  reopen: { label: "Reopen", style: "default", form: "request.reopen" },
  take: { label: "Take", style: "primary" },
  done: { label: "Done", style: "primary", form: "request.done" },
  blocked: { label: "Blocked", style: "danger", form: "request.blocked" },
};

const prefix = "request.";

export function requestActionId(action: RequestAction): string {
  return `${prefix}${action}`;
}

/** `request.take`, or `request.item.3` for one of several picker buttons of the same action. */
export function requestActionFromId(id: string): RequestAction | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const action = id.slice(prefix.length).split(".")[0] ?? "";
  return (requestActions as readonly string[]).includes(action) ? (action as RequestAction) : undefined;
}

/**
 * A button; picker buttons are named after what they open and numbered (`request.item.2`), because Slack
 * keeps one button per action id in a message.
 */
export function requestButton(
  action: RequestAction,
  value: string,
  picker?: { label: string; index: number },
) {
  const { label, style, form } = requestActionPresentation[action];
  return {
    id: picker ? `${requestActionId(action)}.${picker.index}` : requestActionId(action),
    label: picker?.label ?? label,
    style,
    value,
    ...(form ? { requiresInput: form } : {}),
  };
}
