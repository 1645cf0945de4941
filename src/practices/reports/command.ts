import { choice, service, text } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";

export const reportPeriods = ["7d", "30d", "90d"] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

const periodLabels: Readonly<Record<ReportPeriod, string>> = {
  "7d": "The last 7 days",
  "30d": "The last 30 days",
  "90d": "The last 90 days",
};

/** The window a report covers: a preset ending today, or from/to dates on the desk's calendar. */
function windowArgs() {
  return {
    period: choice(reportPeriods, periodLabels, {
      description: "How far back: the last 7, 30 or 90 days (ignored with from/to)",
      positional: true,
      default: "30d",
    }),
    service: service({ description: "Only this service", positional: true }),
    from: text({ description: "First day, YYYY-MM-DD on the desk's calendar", maxLength: 10 }),
    to: text({ description: "Last day, YYYY-MM-DD (today when left out)", maxLength: 10 }),
  };
}

/** `/report <kind> [period] [service]`: a report with its charts, sent to the person who asked. */
export const reportCommand = defineCommand({
  name: "report",
  description: "Reports with charts: SLA, incidents, changes, backlog",
  whenEmpty: "help",
  subcommands: {
    sla: defineSubcommand({
      description: "SLA compliance per priority over time, breaches, worst services",
      args: windowArgs(),
      examples: ["/report sla", "/report sla 90d payments"],
    }),
    incidents: defineSubcommand({
      description: "Incidents per week by priority and service; time to acknowledge and resolve (p50, p90)",
      args: windowArgs(),
      examples: ["/report incidents 30d payments", "/report incidents from:2026-10-01 to:2026-10-31"],
    }),
    changes: defineSubcommand({
      description: "Changes per week by type, success rate, change failure rate",
      args: windowArgs(),
      examples: ["/report changes 90d"],
    }),
    backlog: defineSubcommand({
      description: "Open tickets by age",
      args: { service: service({ description: "Only this service", positional: true }) },
      examples: ["/report backlog", "/report backlog payments"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
  },
});

export type ReportCommand = ParsedCommandOf<typeof reportCommand>;
