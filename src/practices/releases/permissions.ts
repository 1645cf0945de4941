import { ForbiddenError } from "../../kernel/errors.js";
import { type Actor, isAgent } from "../../kernel/people/actor.js";
import type { ReleaseSnapshot } from "./model.js";

/**
 * Who may put releases together and move them: agents and CAB members (as for changes), and the release's
 * own manager. Votes have their own rules (src/kernel/approvals/rules.ts).
 */
export function assertMayPlanReleases(actor: Actor): void {
  if (isAgent(actor) || actor.roles.has("cab")) return;
  throw new ForbiddenError(
    "Only agents and CAB members can plan releases. Ask the service desk or the release manager.",
  );
}

export function assertMayWorkRelease(actor: Actor, release: ReleaseSnapshot): void {
  const me = actor.person.id;
  if (isAgent(actor) || release.manager.id === me || release.requester.id === me) return;
  throw new ForbiddenError(
    `Only the release manager of ${release.ref} (${release.manager.displayName}) or an agent can do that.`,
  );
}
