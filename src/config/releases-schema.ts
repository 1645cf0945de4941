import * as z from "zod";
import type { Quorum } from "../kernel/approvals/rules.js";
import { configDuration, quorum } from "./changes-schema.js";
import type { ConfigProblem } from "./config-problems.js";
import { slug } from "./formats.js";
import { expectedMessage } from "./messages.js";
import { unknownReferenceMessage } from "./references.js";

/**
 * The `releases:` section of opsdesk.yaml: who votes go/no-go and how many go votes decide (the CAB's rules,
 * src/kernel/approvals), and for how long after a deployment an incident on an affected service is shown
 * the release as a likely cause.
 */
export const releasesSection = z.strictObject(
  {
    // Left out: everyone in a group with the `cab` role votes.
    approvers: slug.optional(),
    quorum: quorum.default({ kind: "count", value: 1 }),
    suspectFor: configDuration.default(24 * 60),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? undefined
        : expectedMessage("release settings like { approvers: cab, quorum: 2, suspectFor: 4h }", issue.input),
  },
);

export type ReleasesFileSection = z.output<typeof releasesSection>;

export interface ReleaseSettings {
  /** The group that votes go/no-go; unset: every group with the `cab` role. */
  readonly approvers?: string;
  readonly quorum: Quorum;
  /** Minutes after a deployment during which a new incident on an affected service is told of it. */
  readonly suspectForMinutes: number;
}

export function defaultReleaseSettings(): ReleaseSettings {
  return { quorum: { kind: "count", value: 1 }, suspectForMinutes: 24 * 60 };
}

/** The voting group must be declared. */
export function resolveReleases(
  declared: ReleasesFileSection,
  groupIds: readonly string[] | undefined,
  problems: ConfigProblem[],
): ReleaseSettings {
  const { approvers } = declared;
  if (approvers !== undefined && groupIds !== undefined && !groupIds.includes(approvers)) {
    problems.push({
      path: ["releases", "approvers"],
      message: unknownReferenceMessage("group", "groups", approvers, groupIds),
    });
  }
  return {
    ...(approvers === undefined ? {} : { approvers }),
    quorum: declared.quorum,
    suspectForMinutes: declared.suspectFor,
  };
}
