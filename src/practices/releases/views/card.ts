import { tallyOf } from "../../../kernel/approvals/rules.js";
import { formatLocal, formatWindow } from "../../../kernel/dates/local-date-time.js";
import type { ItemSummary } from "../../../kernel/tickets/item-ref.js";
import type { LinkSection } from "../../../kernel/tickets/link-fields.js";
import type { Card, CardField, Intent } from "../../../kernel/views/card.js";
import { type ReleaseAction, releaseActionsAllowed } from "../lifecycle.js";
import type { ReleaseSnapshot } from "../model.js";
import { releaseCardAction } from "./actions.js";
import { releaseStatusLabels } from "./labels.js";

export interface ReleaseViewOptions {
  readonly timezone: string;
  readonly changes: readonly ItemSummary[];
  readonly flags: readonly string[];
  /** Its other links (incidents it caused, …), read through the directory; `includes` is shown above. */
  readonly linked?: Pick<LinkSection, "fields" | "actions">;
  /** Who votes go/no-go, once asked. */
  readonly approvers?: string;
}

function intent(release: ReleaseSnapshot): Intent {
  if (release.status === "no_go") return "danger";
  if (release.status === "cancelled") return "neutral";
  if (["deployed", "reviewed", "closed"].includes(release.status)) return "success";
  return "warning";
}

/** "Waiting: 1 of 2 go", "Go (2 of 2)", "No-go (1 no-go)". */
export function tallyText(release: ReleaseSnapshot): string {
  const tally = tallyOf(release.votes, release.quorum ?? 1, "go");
  if (release.decision === "go") return `Go (${tally.approvals} of ${tally.needed} go)`;
  if (release.decision === "no_go") return `No-go (${tally.rejections} no-go)`;
  return `Waiting: ${tally.approvals} of ${tally.needed} go`;
}

function voteLines(release: ReleaseSnapshot): string {
  return release.votes
    .map(
      (vote) =>
        `${vote.decision === "go" ? "✅ Go" : "❌ No-go"}: ${vote.person.displayName}${vote.reason ? ` — ${vote.reason}` : ""}`,
    )
    .join("\n");
}

/** The release card: window, services, the included changes with their states, what stands in the way, votes. */
export function releaseCard(
  release: ReleaseSnapshot,
  options: ReleaseViewOptions,
  actions: readonly ReleaseAction[] = releaseActionsAllowed(release),
): Card {
  const { timezone } = options;
  const changes = options.changes.map((c) => `${c.label} · ${c.title} (${c.status})`).join("\n");
  const voting = release.status === "go_no_go" || release.decision !== null;
  const fields: CardField[] = [
    { label: "Status", value: releaseStatusLabels[release.status], inline: true },
    { label: "Window", value: formatWindow(release.windowStart, release.windowEnd, timezone) },
    {
      label: "Services",
      value: release.services.map((s) => s.name).join(", ") || "None",
      inline: true,
    },
    { label: "Release manager", value: release.manager.displayName, inline: true },
    { label: "Changes", value: changes || "None yet: add one with /release add" },
    ...(options.flags.length
      ? [{ label: "Flags", value: options.flags.map((flag) => `⚠ ${flag}`).join("\n") }]
      : []),
    ...(voting ? [{ label: "Go/no-go", value: tallyText(release) }] : []),
    ...(release.votes.length ? [{ label: "Votes", value: voteLines(release) }] : []),
    ...(release.deployedAt
      ? [{ label: "Deployed", value: formatLocal(release.deployedAt, timezone), at: release.deployedAt }]
      : []),
    ...(options.linked?.fields ?? []).filter((field) => field.label !== "Includes"),
  ];
  return {
    type: "card",
    title: `${release.ref} · ${release.name} ${release.label}`,
    // Slack shows ten fields per card at most: the voters ride in the subtitle.
    subtitle: options.approvers && voting ? `Release · go/no-go by ${options.approvers}` : "Release",
    badge: { text: releaseStatusLabels[release.status], intent: intent(release) },
    fields,
    timestamp: release.createdAt,
    actions: [
      ...actions.map((action) => releaseCardAction(release.ref, action)),
      ...(options.linked?.actions ?? []),
    ],
    links: [],
  };
}
