import { ForbiddenError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import type { ProblemAction, ProblemSnapshot } from "./model.js";

/** Who manages problems: the group named by `problems.managers` in opsdesk.yaml, if any. */
export interface ProblemManagers {
  readonly group: { readonly id: string; readonly name: string } | null;
  readonly personIds: ReadonlySet<string>;
}

/**
 * Rights (ITIL 4 problem management roles; ServiceNow's problem_manager / problem_coordinator): agents
 * raise problems, take them, add notes and record causes and workarounds; the owner (or a problem manager)
 * moves a problem through its lifecycle; closing, cancelling and publishing a known error take a problem
 * manager, or any agent when no manager group is configured. Admins are managers. Everyone else reads.
 */
export function isProblemManager(actor: Actor, managers: ProblemManagers): boolean {
  if (actor.roles.has("admin")) return true;
  if (managers.group === null) return isAgent(actor);
  return managers.personIds.has(actor.person.id);
}

export function mayRaiseProblems(actor: Actor, managers: ProblemManagers): boolean {
  return isAgent(actor) || isProblemManager(actor, managers);
}

export function assertMayRaiseProblems(actor: Actor, managers: ProblemManagers): void {
  if (mayRaiseProblems(actor, managers)) return;
  throw new ForbiddenError(
    "Only agents can raise problems. Raise an incident instead (/incident), and the service desk links it.",
  );
}

const anyAgent: ReadonlySet<ProblemAction> = new Set([
  "take",
  "assign",
  "add_note",
  "record_cause",
  "record_workaround",
]);
const ownerOrManager: ReadonlySet<ProblemAction> = new Set(["assess", "analyse", "start_fix", "resolve"]);

export function mayPerform(
  actor: Actor,
  problem: ProblemSnapshot,
  action: ProblemAction,
  managers: ProblemManagers,
): boolean {
  const manager = isProblemManager(actor, managers);
  if (manager) return true;
  if (!isAgent(actor)) return false;
  if (anyAgent.has(action)) return true;
  if (ownerOrManager.has(action)) return problem.owner === null || problem.owner.id === actor.person.id;
  return false;
}

export function assertMayPerform(
  actor: Actor,
  problem: ProblemSnapshot,
  action: ProblemAction,
  managers: ProblemManagers,
): void {
  if (mayPerform(actor, problem, action, managers)) return;
  if (!isAgent(actor) && !isProblemManager(actor, managers)) {
    throw new ForbiddenError(
      `Only agents can work problems; you can follow ${problem.ref} with /problem show ${problem.ref}.`,
    );
  }
  const who = managers.group ? `the ${managers.group.name} group` : "a problem manager";
  if (ownerOrManager.has(action)) {
    throw new ForbiddenError(
      `Only the owner of ${problem.ref} (${problem.owner?.displayName ?? "nobody"}) or ${who} can do that. ` +
        `Ask them, or take it with /problem assign ${problem.ref}.`,
    );
  }
  throw new ForbiddenError(`Only ${who} can do that to ${problem.ref}.`);
}
