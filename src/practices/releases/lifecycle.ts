import { AlreadyDoneError, InvalidTransitionError } from "../../kernel/errors.js";
import type { ReleaseSnapshot, ReleaseStatus } from "./model.js";
import { releaseStatusLabels } from "./views/labels.js";

/**
 * The release lifecycle: draft → planned → go/no-go → deploying → deployed → reviewed → closed, cancelled
 * before deploying. A no-go stops it until it is planned again. Deploying needs a go.
 */
export const releaseActions = [
  "plan",
  "gonogo",
  "go",
  "nogo",
  "deploy",
  "deployed",
  "review",
  "close",
  "cancel",
] as const;
export type ReleaseAction = (typeof releaseActions)[number];

/** The actions that move a release (votes are decided in cast-vote.ts). */
export type ReleaseStep = Exclude<ReleaseAction, "go" | "nogo">;

export function releaseActionsAllowed(
  release: Pick<ReleaseSnapshot, "status" | "decision">,
): ReleaseAction[] {
  switch (release.status) {
    case "draft":
      return ["plan", "cancel"];
    case "planned":
      return ["gonogo", "cancel"];
    case "go_no_go":
      return release.decision === "go" ? ["deploy", "cancel"] : ["go", "nogo", "cancel"];
    case "no_go":
      return ["plan", "cancel"];
    case "deploying":
      return ["deployed"];
    case "deployed":
      return ["review"];
    case "reviewed":
      return ["close"];
    case "closed":
    case "cancelled":
      return [];
  }
}

const targets: Record<ReleaseStep, ReleaseStatus> = {
  plan: "planned",
  gonogo: "go_no_go",
  deploy: "deploying",
  deployed: "deployed",
  review: "reviewed",
  close: "closed",
  cancel: "cancelled",
};

export function stepTarget(step: ReleaseStep): ReleaseStatus {
  return targets[step];
}

/** Refuses a step the release's state does not allow, saying what the release needs instead. */
export function assertStepAllowed(release: ReleaseSnapshot, step: ReleaseStep): void {
  if (releaseActionsAllowed(release).includes(step)) return;
  if (release.status === stepTarget(step)) {
    throw new AlreadyDoneError(
      `${release.ref} is already ${releaseStatusLabels[release.status].toLowerCase()}.`,
    );
  }
  const now = releaseStatusLabels[release.status].toLowerCase();
  if (step === "deploy") {
    const why =
      release.status === "go_no_go"
        ? "the go/no-go vote has not reached a go yet"
        : release.status === "no_go"
          ? "the go/no-go ended in a no-go; plan it again and ask for a new go/no-go"
          : `it is ${now}; ask for a go/no-go first`;
    throw new InvalidTransitionError(`${release.ref} cannot be deployed without a go: ${why}.`);
  }
  if (step === "cancel") {
    throw new InvalidTransitionError(
      `${release.ref} is ${now}; a release can only be cancelled before it starts deploying.`,
    );
  }
  throw new InvalidTransitionError(`${release.ref} is ${now}, so it cannot be ${stepWords[step]} now.`);
}

const stepWords: Record<ReleaseStep, string> = {
  plan: "planned",
  gonogo: "put to a go/no-go",
  deploy: "deployed",
  deployed: "marked deployed",
  review: "marked reviewed",
  close: "closed",
  cancel: "cancelled",
};
