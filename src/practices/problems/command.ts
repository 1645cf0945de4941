import { choice, person, service, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { causeCategories, impacts, PROBLEM_PREFIX, problemLimits, urgencies } from "./model.js";
import { causeCategoryLabels, levelLabels } from "./views/labels.js";

export const problemListScopes = ["mine", "open", "known", "all"] as const;
export type ProblemListScope = (typeof problemListScopes)[number];

const listScopeLabels: Readonly<Record<ProblemListScope, string>> = {
  mine: "Owned or raised by me",
  open: "All open problems",
  known: "Published known errors",
  all: "All problems",
};

/** A typed reference (`INC-7`, `CHG-9`): longer than any real one, short enough to quote back. */
const itemReferenceMax = 100;

const ref = ticket({
  description: "The problem, e.g. PRB-4",
  prefix: PROBLEM_PREFIX,
  positional: true,
  required: true,
});

function onlyRef(description: string, example: string) {
  return defineSubcommand({ description, args: { ref }, examples: [example] });
}

const item = (description: string) =>
  text({ description, maxLength: itemReferenceMax, positional: true, required: true });

/** `/problem`: raise problems and work them; every card button has a text equivalent here. */
export const problemCommand = defineCommand({
  name: "problem",
  description: "Find and fix the cause behind incidents",
  defaultSubcommand: "new",
  whenEmpty: "help",
  subcommands: {
    new: defineSubcommand({
      description: "Raise a problem",
      args: {
        title: text({
          description: "The cause to find, in a few words",
          maxLength: problemLimits.titleMax,
          positional: true,
          required: true,
        }),
        service: service({ description: "The affected service" }),
        incidents: text({
          description: "Incidents it explains, e.g. INC-3,INC-5",
          maxLength: problemLimits.incidentsMax * 12,
        }),
        impact: choice(impacts, levelLabels, {
          description: "How widely it hurts the business",
          default: "medium",
        }),
        urgency: choice(urgencies, levelLabels, {
          description: "How soon it must be fixed",
          default: "medium",
        }),
        symptom: text({
          description: "What people see when it happens",
          maxLength: problemLimits.symptomMax,
        }),
        description: text({ description: "What is known so far", maxLength: problemLimits.descriptionMax }),
      },
      examples: [
        "/problem Payment timeouts every night service:payments incidents:INC-3,INC-5",
        '/problem new "VPN drops hourly" impact:high symptom:"Sessions end at :00"',
      ],
    }),
    list: defineSubcommand({
      description: "List problems",
      args: {
        scope: choice(problemListScopes, listScopeLabels, {
          description: "Which problems",
          positional: true,
          default: "open",
        }),
      },
      examples: ["/problem list mine", "/problem list known"],
    }),
    show: onlyRef("Show a problem", "/problem show PRB-4"),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
    assess: onlyRef(
      "Start assessing a new problem (you own it unless someone does)",
      "/problem assess PRB-4",
    ),
    analyse: onlyRef("Start root cause analysis", "/problem analyse PRB-4"),
    assign: defineSubcommand({
      description: "Give a problem an owner (you unless you name someone)",
      args: { ref, to: person({ description: "Who owns it; leave out to take it yourself" }) },
      examples: ["/problem assign PRB-4", "/problem assign PRB-4 to:@alice"],
    }),
    note: defineSubcommand({
      description: "Add a note to a problem",
      args: {
        ref,
        text: text({
          description: "The note",
          maxLength: problemLimits.noteMax,
          positional: true,
          required: true,
        }),
      },
      examples: ["/problem note PRB-4 Pool exhausted at 02:00 every night"],
    }),
    cause: defineSubcommand({
      description: "Record the root cause",
      args: {
        ref,
        cause: text({
          description: "What causes it",
          maxLength: problemLimits.causeMax,
          positional: true,
          required: true,
        }),
        category: choice(causeCategories, causeCategoryLabels, {
          description: "Where the cause lies",
          default: "unknown",
        }),
      },
      examples: ['/problem cause PRB-4 "Connection pool too small for the batch" category:capacity'],
    }),
    workaround: defineSubcommand({
      description: "Record a workaround people can apply until it is fixed",
      args: {
        ref,
        text: text({
          description: "How to get going again",
          maxLength: problemLimits.workaroundMax,
          positional: true,
          required: true,
        }),
      },
      examples: ["/problem workaround PRB-4 Restart the payments worker"],
    }),
    fix: defineSubcommand({
      description: "Start the fix, optionally through a change that resolves the problem when it succeeds",
      args: {
        ref,
        change: text({
          description: "The change that fixes it, e.g. CHG-9",
          maxLength: itemReferenceMax,
          positional: true,
        }),
      },
      examples: ["/problem fix PRB-4", "/problem fix PRB-4 CHG-9"],
    }),
    resolve: defineSubcommand({
      description: "Resolve a problem: the fix is in",
      args: {
        ref,
        note: text({
          description: "What fixed it",
          maxLength: problemLimits.noteMax,
          positional: true,
          required: true,
        }),
      },
      examples: ['/problem resolve PRB-4 "Pool raised to 50 in 4.2.1"'],
    }),
    close: onlyRef("Close a resolved problem", "/problem close PRB-4"),
    cancel: defineSubcommand({
      description: "Cancel a problem raised by mistake",
      args: {
        ref,
        reason: text({
          description: "Why it is cancelled",
          maxLength: problemLimits.reasonMax,
          positional: true,
          required: true,
        }),
      },
      examples: ['/problem cancel PRB-4 "Duplicate of PRB-2"'],
    }),
    publish: onlyRef("Publish a problem's cause and workaround as a known error", "/problem publish PRB-4"),
    link: defineSubcommand({
      description: "Link a problem to an incident or a change",
      args: { ref, item: item("What to link it to, e.g. INC-7") },
      examples: ["/problem link PRB-4 INC-7"],
    }),
    unlink: defineSubcommand({
      description: "Remove the link between a problem and an incident or change",
      args: { ref, item: item("The linked item, e.g. INC-7") },
      examples: ["/problem unlink PRB-4 INC-7"],
    }),
  },
});

/** A parsed `/problem` command, discriminated by subcommand. */
export type ProblemCommand = ParsedCommandOf<typeof problemCommand>;
