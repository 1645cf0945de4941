import { choice, service, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { ciLimits, relationshipTypes } from "./model.js";

/** A pending relationship's reference in the owner's direct message and its text equivalent. */
export const RELATIONSHIP_PREFIX = "CIR";

const relationshipLabels = {
  "depends-on": "Depends on (used by)",
  "runs-on": "Runs on (hosts)",
  "connects-to": "Connects to",
} as const;

const settableStatuses = ["planned", "operational", "maintenance"] as const;
const settableStatusLabels = {
  planned: "Planned",
  operational: "Operational",
  maintenance: "Under maintenance",
} as const;

// CI keys are slugs like service ids: the service argument kind reads them (and suggests services).
const ci = (description: string) => service({ description, positional: true, required: true });
const requestRef = ticket({
  description: "The relationship waiting for confirmation, e.g. CIR-4",
  prefix: RELATIONSHIP_PREFIX,
  positional: true,
  required: true,
});

/** `/cmdb`: configuration items, their relationships and what depends on them. */
export const cmdbCommand = defineCommand({
  name: "cmdb",
  description: "Configuration items, their relationships and impact",
  defaultSubcommand: "show",
  whenEmpty: "help",
  subcommands: {
    show: defineSubcommand({
      description: "Show a configuration item: attributes, relationships, open tickets",
      args: { ci: ci("The CI, e.g. payments-db") },
      examples: ["/cmdb show payments-db"],
    }),
    impact: defineSubcommand({
      description: "What depends on a CI, transitively, and which business services are affected",
      args: { ci: ci("The CI that is hit, e.g. payments-db") },
      examples: ["/cmdb impact payments-db"],
    }),
    list: defineSubcommand({
      description: "List configuration items",
      args: { type: text({ description: "Only this type, e.g. database", maxLength: 40, positional: true }) },
      examples: ["/cmdb list database"],
    }),
    add: defineSubcommand({
      description: "Add a configuration item",
      args: {
        ci: ci("Its key, e.g. payments-db"),
        type: text({ description: "Its type, e.g. database or server", maxLength: 40, required: true }),
        name: text({ description: "Its name, e.g. Payments database", maxLength: ciLimits.nameMax }),
        owner: text({ description: "The owning group's id", maxLength: 64 }),
        environment: text({ description: "e.g. production", maxLength: ciLimits.environmentMax }),
        status: choice(settableStatuses, settableStatusLabels, {
          description: "Its status",
          default: "operational",
        }),
        description: text({ description: "What it is", maxLength: ciLimits.descriptionMax }),
      },
      examples: ['/cmdb add payments-db type:database name:"Payments database" owner:dba'],
    }),
    relate: defineSubcommand({
      description: "Relate two CIs (waits for the owner group's confirmation when you are not in it)",
      args: {
        ci: ci("The CI the relationship is about, e.g. payments-api"),
        relationship: choice(relationshipTypes, relationshipLabels, {
          description: "How it relates",
          positional: true,
          required: true,
        }),
        to: service({ description: "The other CI, e.g. payments-db", positional: true, required: true }),
      },
      examples: ["/cmdb relate payments-api depends-on payments-db"],
    }),
    unrelate: defineSubcommand({
      description: "Remove a relationship between two CIs",
      args: {
        ci: ci("The CI the relationship is about"),
        relationship: choice(relationshipTypes, relationshipLabels, {
          description: "How it relates",
          positional: true,
          required: true,
        }),
        to: service({ description: "The other CI", positional: true, required: true }),
      },
      examples: ["/cmdb unrelate payments-api depends-on payments-db"],
    }),
    retire: defineSubcommand({
      description: "Retire a CI (refused while open tickets affect it)",
      args: { ci: ci("The CI to retire") },
      examples: ["/cmdb retire old-db"],
    }),
    attach: defineSubcommand({
      description: "Say that a ticket affects a CI (shown with its impact on the ticket's card)",
      args: {
        ci: ci("The CI it affects"),
        ticket: text({
          description: "The ticket, e.g. INC-7 or CHG-9",
          maxLength: 20,
          positional: true,
          required: true,
        }),
      },
      examples: ["/cmdb attach payments-db CHG-9"],
    }),
    confirm: defineSubcommand({
      description: "Confirm a relationship asked of your group",
      args: { request: requestRef },
      examples: ["/cmdb confirm CIR-4"],
    }),
    reject: defineSubcommand({
      description: "Reject a relationship asked of your group",
      args: { request: requestRef },
      examples: ["/cmdb reject CIR-4"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
  },
});

export type CmdbCommand = ParsedCommandOf<typeof cmdbCommand>;
