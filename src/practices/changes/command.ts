import { choice, duration, person, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { changeListScopes } from "./list-changes.js";
import {
  CHANGE_PREFIX,
  changeImpacts,
  changeLimits,
  changeRisks,
  changeTypes,
  closureCodes,
} from "./model.js";
import { changeImpactLabels, changeRiskLabels, changeTypeLabels, closureCodeLabels } from "./views/labels.js";

const listScopeLabels = {
  mine: "Requested by me or implemented by me",
  open: "All active changes",
  pending: "Waiting for approval",
  all: "All changes",
} as const;

const ref = ticket({
  description: "The change, e.g. CHG-12",
  prefix: CHANGE_PREFIX,
  positional: true,
  required: true,
});

function onlyRef(description: string, example: string) {
  return defineSubcommand({ description, args: { ref }, examples: [example] });
}

// A date typed on the person's own wall clock; the core reads it in their time zone.
const dateTimeMax = 40;

/** `/change`: requests for change, their lifecycle and CAB votes; every button has a text equivalent. */
export const changeCommand = defineCommand({
  name: "change",
  description: "Request, approve and run changes",
  defaultSubcommand: "new",
  whenEmpty: "new",
  subcommands: {
    new: defineSubcommand({
      description: "Request a change (no options: open the form)",
      args: {
        title: text({
          description: "What changes, in a few words",
          maxLength: changeLimits.titleMax,
          positional: true,
        }),
        start: text({
          description: "Planned start in your time zone, e.g. 2026-11-20 22:00",
          maxLength: dateTimeMax,
        }),
        end: text({
          description: "Planned end in your time zone, e.g. 2026-11-20 23:30",
          maxLength: dateTimeMax,
        }),
        services: text({ description: "Affected services (CIs), comma-separated ids", maxLength: 300 }),
        type: choice(changeTypes, changeTypeLabels, {
          description: "Normal, standard or emergency",
          default: "normal",
        }),
        template: text({ description: "Standard change template id", maxLength: 64 }),
        risk: choice(changeRisks, changeRiskLabels, { description: "Risk of the change" }),
        impact: choice(changeImpacts, changeImpactLabels, { description: "Impact on the business" }),
        assignee: person({ description: "Who implements it" }),
        description: text({ description: "What and why", maxLength: changeLimits.descriptionMax }),
        plan: text({ description: "Implementation plan", maxLength: changeLimits.planMax }),
        backout: text({ description: "Backout plan", maxLength: changeLimits.planMax }),
        test: text({ description: "Test plan", maxLength: changeLimits.planMax }),
      },
      examples: [
        '/change Upgrade Postgres to 16 start:"2026-11-21 22:00" end:"2026-11-21 23:30" services:payments risk:medium',
        '/change new type:standard template:cert-rotation start:"2026-11-22 06:00"',
      ],
    }),
    list: defineSubcommand({
      description: "List changes",
      args: {
        scope: choice(changeListScopes, listScopeLabels, {
          description: "Which changes",
          positional: true,
          default: "open",
        }),
      },
      examples: ["/change list pending"],
    }),
    show: onlyRef("Show a change", "/change show CHG-12"),
    calendar: defineSubcommand({
      description: "The change calendar for the coming days",
      args: {
        period: duration({ description: "How far ahead, e.g. 7d", positional: true, default: 7 * 24 * 60 }),
      },
      examples: ["/change calendar 14d"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
    submit: onlyRef("Submit a new change (standard changes are scheduled at once)", "/change submit CHG-12"),
    authorize: onlyRef("Send an assessed change to the CAB for approval", "/change authorize CHG-12"),
    approve: onlyRef("Vote to approve a change", "/change approve CHG-12"),
    reject: defineSubcommand({
      description: "Vote to reject a change",
      args: {
        ref,
        reason: text({
          description: "Why it is rejected",
          maxLength: changeLimits.reasonMax,
          required: true,
        }),
      },
      examples: ['/change reject CHG-12 reason:"No backout plan"'],
    }),
    start: onlyRef("Start implementing a scheduled change", "/change start CHG-12"),
    finish: onlyRef("Finish implementing a change", "/change finish CHG-12"),
    close: defineSubcommand({
      description: "Close a reviewed change with its closure code",
      args: {
        ref,
        code: choice(closureCodes, closureCodeLabels, { description: "How it went", required: true }),
        notes: text({ description: "Review notes", maxLength: changeLimits.notesMax }),
      },
      examples: ['/change close CHG-12 code:successful notes:"No errors after 30 minutes"'],
    }),
    reschedule: defineSubcommand({
      description: "Move a change's window or change its services (a scheduled change needs approval again)",
      args: {
        ref,
        start: text({ description: "New planned start in your time zone", maxLength: dateTimeMax }),
        end: text({ description: "New planned end in your time zone", maxLength: dateTimeMax }),
        services: text({ description: "Affected services (CIs), comma-separated ids", maxLength: 300 }),
      },
      examples: ['/change reschedule CHG-12 start:"2026-11-28 22:00" end:"2026-11-28 23:30"'],
      crossCheck: (args) =>
        args.start === undefined && args.end === undefined && args.services === undefined
          ? { argument: "start", problem: "start, end or services is required (give what changes)" }
          : undefined,
    }),
    cancel: defineSubcommand({
      description: "Cancel a change before its implementation starts",
      args: {
        ref,
        reason: text({
          description: "Why it is cancelled",
          maxLength: changeLimits.reasonMax,
          required: true,
        }),
      },
      examples: ['/change cancel CHG-12 reason:"Vendor postponed"'],
    }),
  },
});

/** A parsed `/change` command, discriminated by subcommand. */
export type ChangeCommand = ParsedCommandOf<typeof changeCommand>;
