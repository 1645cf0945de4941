import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { helpText } from "../../kernel/commands/help-text.js";
import { formatWindow } from "../../kernel/dates/local-date-time.js";
import type { Actor, Platform } from "../../kernel/people/actor.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import { resolveActor } from "../../kernel/people/resolve-actor.js";
import { privateNotice, type Reply } from "../../kernel/views/reply.js";
import { addChangeToRelease } from "./add-change.js";
import { applyReleaseStep } from "./apply-step.js";
import { castGoVote } from "./cast-vote.js";
import { type ReleaseCommand, releaseCommand } from "./command.js";
import type { ReleaseContext } from "./context.js";
import { createRelease } from "./create-release.js";
import { activeReleaseStatuses } from "./model.js";
import { releaseView } from "./posts.js";
import { findRelease, toSnapshot } from "./snapshot.js";
import { releaseCard, tallyText } from "./views/card.js";
import { releaseStatusLabels } from "./views/labels.js";

export interface ReleaseRequest {
  releases: ReleaseContext;
  platform: Platform;
  actor: Actor;
}

const stepMessages = {
  plan: (ref: string) => `${ref} is planned. Ask for a go/no-go when it is ready.`,
  gonogo: (ref: string) => `${ref} is waiting for its go/no-go.`,
  deploy: (ref: string) => `${ref} is deploying.`,
  deployed: (ref: string) => `${ref} is deployed; the release notes are posted.`,
  review: (ref: string) => `${ref} is reviewed.`,
  close: (ref: string) => `${ref} is closed.`,
  cancel: (ref: string) => `${ref} is cancelled.`,
} as const;

/** Runs one typed `/release` command, however it arrived (text, options, a button, a form). */
export async function runReleaseCommand(ctx: ReleaseRequest, command: ReleaseCommand): Promise<Reply> {
  const { releases, actor } = ctx;
  switch (command.subcommand) {
    case "help":
      return privateNotice("info", helpText(defineRegistry([releaseCommand]), "release"));
    case "new": {
      const { args } = command;
      const manager = args.manager
        ? await resolveActor(releases.db, {
            platform: ctx.platform,
            externalId: args.manager.platformId,
            displayName: args.manager.platformId,
          })
        : undefined;
      const release = await createRelease(releases, actor, {
        name: args.name ?? "",
        label: args.version ?? "",
        start: args.start ?? "",
        end: args.end ?? "",
        serviceIds: list(args.services),
        changes: list(args.changes),
        ...(manager ? { managerId: manager.person.id } : {}),
      });
      const view = await releaseView(releases, releases.db, release);
      const flags = view.flags.length ? `\nFlags:\n${view.flags.map((f) => `⚠ ${f}`).join("\n")}` : "";
      return privateNotice(
        "success",
        `${release.ref} is planned as a draft: ${release.name} ${release.label}, ${view.changes.length} change(s).${flags}`,
      );
    }
    case "add": {
      const change = await addChangeToRelease(
        releases,
        actor,
        command.args.ref,
        `CHG-${command.args.change}`,
      );
      return privateNotice("success", `${change.label} is now included in REL-${command.args.ref}.`);
    }
    case "list": {
      const timezone = await timezoneOf(releases.db, actor.person.id, releases.config.timezone);
      const rows = await releases.db.release.findMany({
        where: { status: { in: [...activeReleaseStatuses, "deployed", "reviewed"] } },
        orderBy: { windowStart: "asc" },
        take: 50,
        include: { services: true, votes: true },
      });
      const items = [];
      for (const row of rows) {
        const release = await toSnapshot(releases.db, row);
        items.push({
          ref: release.ref,
          title: `${release.name} ${release.label}`,
          fields: [
            { label: "Status", value: releaseStatusLabels[release.status], inline: true },
            { label: "Window", value: formatWindow(release.windowStart, release.windowEnd, timezone) },
            ...(release.status === "go_no_go" ? [{ label: "Go/no-go", value: tallyText(release) }] : []),
          ],
        });
      }
      return {
        kind: "view",
        view: { type: "list", title: "Releases", items, emptyText: "No releases are planned." },
      };
    }
    case "show": {
      const release = await findRelease(releases.db, command.args.ref);
      const timezone = await timezoneOf(releases.db, actor.person.id, releases.config.timezone);
      const view = await releaseView(releases, releases.db, release);
      return { kind: "view", view: releaseCard(release, { timezone, ...view }) };
    }
    case "go":
    case "nogo": {
      const decision = command.subcommand === "go" ? "go" : "no_go";
      const reason = command.subcommand === "nogo" ? command.args.reason : undefined;
      const result = await castGoVote(releases, actor, command.args.ref, decision, reason);
      const ref = result.release.ref;
      const words = decision === "go" ? "go" : "no-go";
      if (result.decided === "go") return privateNotice("success", `Your go is recorded: ${ref} may deploy.`);
      if (result.decided === "no_go")
        return privateNotice("success", `Your no-go is recorded: ${ref} is stopped.`);
      return privateNotice(
        "success",
        `Your ${words} is recorded: ${ref} has ${result.tally.approvals} of ${result.tally.needed} go.`,
      );
    }
    default: {
      const step = command.subcommand;
      const reason = step === "cancel" ? command.args.reason : undefined;
      const result = await applyReleaseStep(releases, actor, command.args.ref, step, reason);
      const started = result.started.length
        ? ` Implementation started for ${result.started.join(", ")}.`
        : "";
      return privateNotice("success", `${stepMessages[step](result.release.ref)}${started}`);
    }
  }
}

/** "CHG-12, CHG-13" or "payments identity" as typed. */
function list(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,]+/).filter((item) => item !== "");
}
