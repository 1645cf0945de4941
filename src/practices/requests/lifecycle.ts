import type { RequestSnapshot } from "./model.js";
import type { RequestAction } from "./views/actions.js";

/** Fulfilment has started once someone took, finished or blocked a task: from then on it cannot be cancelled. */
export function fulfilmentStarted(request: RequestSnapshot): boolean {
  return request.tasks.some(
    (task) => task.status === "taken" || task.status === "done" || task.status === "blocked",
  );
}

export function isCancellable(request: RequestSnapshot): boolean {
  if (request.status === "awaiting_approval" || request.status === "awaiting_info") return true;
  return request.status === "in_fulfilment" && !fulfilmentStarted(request);
}

/** The buttons on the request's own card (approvals are in the approvers' direct messages). */
export function cardActionsFor(request: RequestSnapshot): RequestAction[] {
  if (isCancellable(request)) return ["cancel"];
  if (request.status === "fulfilled") return ["reopen"];
  return [];
}
