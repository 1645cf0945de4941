import { person, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { CHANGE_KIND, RELEASE_PREFIX, releaseLimits } from "./model.js";

const ref = ticket({
  description: "The release, e.g. REL-3",
  prefix: RELEASE_PREFIX,
  positional: true,
  required: true,
});

function onlyRef(description: string, example: string) {
  return defineSubcommand({ description, args: { ref }, examples: [example] });
}

const reason = text({ description: "Why", maxLength: releaseLimits.reasonMax });

/** `/release`: plan releases of changes, vote go/no-go, deploy; every button has a text equivalent. */
export const releaseCommand = defineCommand({
  name: "release",
  description: "Plan, vote on and deploy releases of changes",
  defaultSubcommand: "new",
  whenEmpty: "new",
  subcommands: {
    new: defineSubcommand({
      description: "Plan a release (no options: open the form)",
      args: {
        name: text({ description: "The release's name", maxLength: releaseLimits.nameMax, positional: true }),
        version: text({ description: "The version it ships, e.g. 4.2.0", maxLength: releaseLimits.labelMax }),
        start: text({
          description: "Target window start in your time zone, e.g. 2026-11-20 22:00",
          maxLength: 40,
        }),
        end: text({ description: "Target window end in your time zone", maxLength: 40 }),
        changes: text({
          description: "Included changes, comma-separated, e.g. CHG-12, CHG-13",
          maxLength: 300,
        }),
        services: text({ description: "Affected services (CIs), comma-separated ids", maxLength: 300 }),
        manager: person({ description: "The release manager (you, if left out)" }),
      },
      examples: [
        '/release Payments spring version:4.2.0 start:"2026-11-21 22:00" end:"2026-11-21 23:00" changes:CHG-12,CHG-13',
      ],
    }),
    add: defineSubcommand({
      description: "Include a change in a release",
      args: {
        ref,
        change: ticket({
          description: "The change, e.g. CHG-12",
          prefix: CHANGE_KIND,
          positional: true,
          required: true,
        }),
      },
      examples: ["/release add REL-3 CHG-12"],
    }),
    list: defineSubcommand({ description: "List active releases", args: {}, examples: ["/release list"] }),
    show: onlyRef("Show a release", "/release show REL-3"),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
    plan: onlyRef("Mark a draft release planned", "/release plan REL-3"),
    gonogo: onlyRef("Ask the approvers for a go/no-go", "/release gonogo REL-3"),
    go: onlyRef("Vote go", "/release go REL-3"),
    nogo: defineSubcommand({
      description: "Vote no-go (stops the release)",
      args: { ref, reason },
      examples: ['/release nogo REL-3 reason:"Load test failed"'],
    }),
    deploy: onlyRef("Start deploying (needs a go; starts the scheduled changes)", "/release deploy REL-3"),
    deployed: onlyRef("Mark deployed (records the time, posts the release notes)", "/release deployed REL-3"),
    review: onlyRef("Mark the release reviewed", "/release review REL-3"),
    close: onlyRef("Close a reviewed release", "/release close REL-3"),
    cancel: defineSubcommand({
      description: "Cancel a release before it deploys",
      args: { ref, reason },
      examples: ['/release cancel REL-3 reason:"Moved to next sprint"'],
    }),
  },
});

export type ReleaseCommand = ParsedCommandOf<typeof releaseCommand>;
