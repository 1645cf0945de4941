import { boolean, choice, person, service, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { type IncidentLinkRelation, incidentLinkRelations } from "./link-incident.js";
import {
  holdReasons,
  INCIDENT_PREFIX,
  impacts,
  incidentLimits,
  resolutionCodes,
  urgencies,
} from "./model.js";
import { holdReasonLabels, impactLabels, resolutionCodeLabels, urgencyLabels } from "./views/labels.js";

/** A typed reference (`PRB-4`, a CI's name): longer than any real one, short enough to quote back. */
const itemReferenceMax = 100;

const linkRelationLabels: Readonly<Record<IncidentLinkRelation, string>> = {
  related: "Related",
  caused_by: "Caused by (a change or release)",
  problem: "Its problem",
  affects: "Affects (a configuration item)",
};

export const incidentListScopes = ["mine", "open", "all"] as const;
export type IncidentListScope = (typeof incidentListScopes)[number];

const listScopeLabels: Readonly<Record<IncidentListScope, string>> = {
  mine: "Assigned to me or reported by me",
  open: "All open incidents",
  all: "All incidents",
};

const ref = ticket({
  description: "The incident, e.g. INC-7",
  prefix: INCIDENT_PREFIX,
  positional: true,
  required: true,
});

function onlyRef(description: string, example: string) {
  return defineSubcommand({ description, args: { ref }, examples: [example] });
}

/** `/incident`: raise incidents and work them; every card button has a text equivalent here. */
export const incidentCommand = defineCommand({
  name: "incident",
  description: "Raise and work incidents",
  defaultSubcommand: "new",
  whenEmpty: "help",
  subcommands: {
    new: defineSubcommand({
      description: "Open an incident",
      args: {
        title: text({
          description: "What is broken, in a few words",
          maxLength: incidentLimits.titleMax,
          positional: true,
          required: true,
        }),
        impact: choice(impacts, impactLabels, {
          description: "How widely it hurts the business",
          default: "medium",
        }),
        urgency: choice(urgencies, urgencyLabels, {
          description: "How soon it must be fixed",
          default: "medium",
        }),
        service: service({ description: "The affected service" }),
        category: text({ description: "A category, e.g. network", maxLength: incidentLimits.categoryMax }),
        description: text({
          description: "What happens, since when, who is affected",
          maxLength: incidentLimits.descriptionMax,
        }),
      },
      examples: [
        "/incident Payments API is down impact:high urgency:high service:payments-api",
        '/incident new "VPN drops every hour" description:"Since the 9:00 update"',
      ],
    }),
    list: defineSubcommand({
      description: "List incidents",
      args: {
        scope: choice(incidentListScopes, listScopeLabels, {
          description: "Whose incidents",
          positional: true,
          default: "mine",
        }),
        service: service({ description: "Only incidents of this service" }),
      },
      examples: ["/incident list open service:payments-api"],
    }),
    show: onlyRef("Show an incident", "/incident show INC-7"),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
    ack: onlyRef("Acknowledge an incident: you are on it", "/incident ack INC-7"),
    assign: defineSubcommand({
      description: "Assign an incident (to yourself unless you name someone)",
      args: { ref, to: person({ description: "Who takes it; leave out to take it yourself" }) },
      examples: ["/incident assign INC-7", "/incident assign INC-7 to:@alice"],
    }),
    note: defineSubcommand({
      description: "Add a note to an incident",
      args: {
        ref,
        text: text({
          description: "The note",
          maxLength: incidentLimits.noteMax,
          positional: true,
          required: true,
        }),
        internal: boolean({ description: "Only agents can see it", default: false }),
      },
      examples: [
        "/incident note INC-7 Rolled back to 4.2.1",
        "/incident note INC-7 Vendor ticket 5521 internal:true",
      ],
    }),
    priority: defineSubcommand({
      description: "Change impact or urgency, and so the priority",
      args: {
        ref,
        impact: choice(impacts, impactLabels, { description: "New impact" }),
        urgency: choice(urgencies, urgencyLabels, { description: "New urgency" }),
        reason: text({
          description: "Why the priority changes",
          maxLength: incidentLimits.reasonMax,
          required: true,
        }),
      },
      examples: ['/incident priority INC-7 impact:high reason:"All stores affected"'],
      crossCheck: (args) =>
        args.impact === undefined && args.urgency === undefined
          ? { argument: "impact", problem: "impact or urgency is required (give one or both)" }
          : undefined,
    }),
    hold: defineSubcommand({
      description: "Put an incident on hold",
      args: {
        ref,
        reason: choice(holdReasons, holdReasonLabels, {
          description: "What the work waits for",
          required: true,
        }),
        note: text({ description: "Details for the record", maxLength: incidentLimits.noteMax }),
      },
      examples: ['/incident hold INC-7 reason:awaiting_vendor note:"Case 5521 opened"'],
    }),
    resume: onlyRef("Resume work on an incident on hold", "/incident resume INC-7"),
    resolve: defineSubcommand({
      description: "Resolve an incident",
      args: {
        ref,
        code: choice(resolutionCodes, resolutionCodeLabels, {
          description: "How it was resolved",
          required: true,
        }),
        note: text({ description: "What was done", maxLength: incidentLimits.noteMax, required: true }),
      },
      examples: ['/incident resolve INC-7 code:fixed note:"Rolled back the deploy"'],
    }),
    reopen: defineSubcommand({
      description: "Reopen a resolved incident",
      args: {
        ref,
        reason: text({
          description: "Why it is not solved",
          maxLength: incidentLimits.reasonMax,
          required: true,
        }),
      },
      examples: ['/incident reopen INC-7 reason:"Errors are back"'],
    }),
    close: onlyRef("Close a resolved incident", "/incident close INC-7"),
    cancel: defineSubcommand({
      description: "Cancel an incident raised by mistake",
      args: {
        ref,
        reason: text({
          description: "Why it is cancelled",
          maxLength: incidentLimits.reasonMax,
          required: true,
        }),
      },
      examples: ['/incident cancel INC-7 reason:"Duplicate of INC-6"'],
    }),
    major: onlyRef("Declare a major incident", "/incident major INC-7"),
    link: defineSubcommand({
      description: "Link an incident to a problem, a change or another incident",
      args: {
        ref,
        item: text({
          description: "What to link it to, e.g. CHG-9",
          maxLength: itemReferenceMax,
          positional: true,
          required: true,
        }),
        as: choice(incidentLinkRelations, linkRelationLabels, {
          description: "How they relate; leave out for the usual one",
        }),
      },
      examples: ["/incident link INC-7 CHG-9", "/incident link INC-7 INC-5 as:related"],
    }),
    unlink: defineSubcommand({
      description: "Remove the link between an incident and another item",
      args: {
        ref,
        item: text({
          description: "The linked item, e.g. CHG-9",
          maxLength: itemReferenceMax,
          positional: true,
          required: true,
        }),
      },
      examples: ["/incident unlink INC-7 CHG-9"],
    }),
  },
});

/** A parsed `/incident` command, discriminated by subcommand. */
export type IncidentCommand = ParsedCommandOf<typeof incidentCommand>;
