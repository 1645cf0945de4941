import { type Violation, validateView } from "./block-kit-limits.js";
import { hex, slackId } from "./ids.js";
import type { SlackState } from "./state.js";
import type { FakeView } from "./types.js";

export type ViewAckOutcome =
  | { kind: "closed" | "cleared" | "errors" | "updated" | "pushed"; view?: FakeView }
  | { kind: "invalid"; violations: Violation[] }
  | { kind: "unknown_view" };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fromAck(state: SlackState, base: FakeView, view: Record<string, unknown>, id: string): FakeView {
  return {
    ...base,
    id,
    title: view.title,
    submit: view.submit ?? null,
    close: view.close ?? null,
    blocks: Array.isArray(view.blocks) ? view.blocks : [],
    private_metadata: typeof view.private_metadata === "string" ? view.private_metadata : "",
    callback_id: typeof view.callback_id === "string" ? view.callback_id : "",
    state: { values: {} },
    hash: `${Math.floor(state.now() / 1000)}.${hex(4)}`,
  };
}

/**
 * How Slack treats the HTTP answer to a view_submission (docs: "Modals", responding to submissions):
 * an empty 200 closes the submitted view; `response_action` "errors" keeps it open, "update" replaces it,
 * "push" stacks a new view on it and "clear" closes the whole stack.
 */
export function applyViewSubmissionAck(state: SlackState, viewId: string, body: string): ViewAckOutcome {
  const current = state.views.get(viewId);
  if (!current || current.closed) return { kind: "unknown_view" };
  let ack: unknown;
  try {
    ack = body.trim() === "" ? {} : JSON.parse(body);
  } catch {
    ack = {};
  }
  const action = isRecord(ack) ? ack.response_action : undefined;
  if (action === "errors") return { kind: "errors", view: current };
  if (action === "clear") {
    for (const view of state.views.values())
      if (view.root_view_id === current.root_view_id) view.closed = true;
    return { kind: "cleared" };
  }
  if ((action === "update" || action === "push") && isRecord(ack) && isRecord(ack.view)) {
    const violations = validateView(ack.view);
    if (violations.length > 0) return { kind: "invalid", violations };
    if (action === "update") {
      const updated = fromAck(state, current, ack.view, current.id);
      state.views.set(current.id, updated);
      return { kind: "updated", view: updated };
    }
    const id = slackId("V");
    const pushed = { ...fromAck(state, current, ack.view, id), previous_view_id: current.id };
    state.views.set(id, pushed);
    return { kind: "pushed", view: pushed };
  }
  current.closed = true;
  return { kind: "closed" };
}
