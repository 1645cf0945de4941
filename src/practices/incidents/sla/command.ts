import { choice, service, text } from "../../../kernel/commands/argument-kinds.js";
import {
  defineCommand,
  defineSubcommand,
  type ParsedCommandOf,
} from "../../../kernel/commands/command-spec.js";

export const slaReportPeriods = ["7d", "30d"] as const;
export type SlaReportPeriod = (typeof slaReportPeriods)[number];

const periodLabels: Readonly<Record<SlaReportPeriod, string>> = {
  "7d": "The last 7 days",
  "30d": "The last 30 days",
};

/** `/sla`: the clocks of one incident or request, and how the desk is doing against its targets. */
export const slaCommand = defineCommand({
  name: "sla",
  description: "See SLA clocks and compliance",
  whenEmpty: "help",
  subcommands: {
    show: defineSubcommand({
      description: "Every SLA clock of an incident or a request: target, elapsed, remaining, due",
      args: {
        // Free text, read by the ticket directory: any practice whose items run SLA clocks answers it.
        ref: text({
          description: "The incident or request, e.g. INC-7 or REQ-4",
          maxLength: 40,
          positional: true,
          required: true,
        }),
      },
      examples: ["/sla show INC-7", "/sla show REQ-4"],
    }),
    report: defineSubcommand({
      description: "The same as /report sla: SLA compliance per priority over time, breaches, worst services",
      args: {
        period: choice(slaReportPeriods, periodLabels, {
          description: "Which incidents: raised in the last 7 or 30 days",
          positional: true,
          default: "7d",
        }),
        service: service({ description: "Only incidents of this service", positional: true }),
      },
      examples: ["/sla report", "/sla report 30d payments", "/sla report service:payments"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
  },
});

/** A parsed `/sla` command, discriminated by subcommand. */
export type SlaCommand = ParsedCommandOf<typeof slaCommand>;
