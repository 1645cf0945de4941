import { choice, service, text, ticket } from "../../../kernel/commands/argument-kinds.js";
import {
  defineCommand,
  defineSubcommand,
  type ParsedCommandOf,
} from "../../../kernel/commands/command-spec.js";
import { improvementMetricIds, improvementMetrics } from "./metrics.js";

export const IMPROVEMENT_PREFIX = "CSI";

const metricLabels = Object.fromEntries(
  improvementMetricIds.map((id) => [id, improvementMetrics[id].label]),
) as Record<(typeof improvementMetricIds)[number], string>;

/** `/improve`: continual service improvement, one metric from the reports at a time. */
export const improveCommand = defineCommand({
  name: "improve",
  description: "Continual improvement: record, list and show improvements",
  whenEmpty: "help",
  subcommands: {
    new: defineSubcommand({
      description: "Record an improvement: the metric to move, its target and a review date",
      args: {
        title: text({ description: "What to improve", positional: true, required: true, maxLength: 150 }),
        metric: choice(improvementMetricIds, metricLabels, {
          description: "The report metric it should move",
          required: true,
        }),
        target: text({
          description: "The value to reach, e.g. 4 (hours) or 95 (%)",
          required: true,
          maxLength: 12,
        }),
        review: text({
          description: "Review date, YYYY-MM-DD on the desk's calendar",
          required: true,
          maxLength: 10,
        }),
        service: service({ description: "Only this service" }),
        why: text({ description: "Why it matters", maxLength: 500 }),
      },
      examples: [
        '/improve new "Faster resolution" metric:mttr-p50 target:4 review:2027-01-15 service:payments',
      ],
    }),
    list: defineSubcommand({
      description: "Improvements, next review first",
      args: {},
      examples: ["/improve list"],
    }),
    show: defineSubcommand({
      description: "One improvement: baseline, target, review",
      args: {
        ref: ticket({
          description: "The improvement, e.g. CSI-2",
          prefix: IMPROVEMENT_PREFIX,
          positional: true,
          required: true,
        }),
      },
      examples: ["/improve show CSI-2"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
  },
});

export type ImproveCommand = ParsedCommandOf<typeof improveCommand>;
