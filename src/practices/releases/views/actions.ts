import type { ActionStyle, CardAction } from "../../../kernel/views/card.js";
import type { ReleaseAction } from "../lifecycle.js";

export interface ReleaseActionPresentation {
  readonly label: string;
  readonly style: ActionStyle;
  readonly confirm?: string;
}

/** How each release action appears as a button; its text equivalent is `/release <action> REL-n`. */
export const releaseActionPresentation: Readonly<Record<ReleaseAction, ReleaseActionPresentation>> = {
  plan: { label: "Plan", style: "primary" },
  gonogo: { label: "Ask for go/no-go", style: "primary" },
  go: { label: "Go", style: "primary" },
  nogo: { label: "No-go", style: "danger" },
  deploy: { label: "Deploy", style: "primary", confirm: "Start deploying? Scheduled changes start too." },
  deployed: { label: "Mark deployed", style: "primary" },
  review: { label: "Mark reviewed", style: "default" },
  close: { label: "Close", style: "default" },
  cancel: { label: "Cancel release", style: "danger", confirm: "Cancel this release?" },
};

const prefix = "release.";

/** The one button that is not a lifecycle step: on an incident's card, link it to the release that caused it. */
export const causedByActionId = "release.caused_by";

export function releaseActionFromId(id: string): ReleaseAction | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const action = id.slice(prefix.length);
  return Object.hasOwn(releaseActionPresentation, action) ? (action as ReleaseAction) : undefined;
}

export function releaseCardAction(ref: string, action: ReleaseAction): CardAction {
  const { label, style, confirm } = releaseActionPresentation[action];
  return { id: `${prefix}${action}`, label, style, value: ref, ...(confirm ? { confirm } : {}) };
}
