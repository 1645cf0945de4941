import { service, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { RUN_PREFIX } from "./model.js";

const ref = ticket({
  description: "The run, e.g. BCP-2",
  prefix: RUN_PREFIX,
  positional: true,
  required: true,
});
const step = text({
  description: "The step's number, e.g. 2",
  maxLength: 3,
  positional: true,
  required: true,
});

function stepMove(description: string, example: string) {
  return defineSubcommand({ description, args: { ref, step }, examples: [example] });
}

/** `/continuity`: invoke and drill service continuity plans, and work their checklists. */
export const continuityCommand = defineCommand({
  name: "continuity",
  description: "Invoke, drill and track service continuity plans",
  defaultSubcommand: "status",
  whenEmpty: "status",
  subcommands: {
    invoke: defineSubcommand({
      description: "Invoke a service's continuity plan (a real recovery)",
      args: {
        service: service({ description: "The business service", positional: true, required: true }),
        incident: text({ description: "The incident it answers, e.g. INC-7", maxLength: 20 }),
      },
      examples: ["/continuity invoke payments"],
    }),
    drill: defineSubcommand({
      description: "Run a service's continuity plan as a timed drill",
      args: { service: service({ description: "The business service", positional: true, required: true }) },
      examples: ["/continuity drill payments"],
    }),
    status: defineSubcommand({
      description: "Every plan with its last drill and measured time, and overdue drills",
      args: {},
      examples: ["/continuity status"],
    }),
    start: stepMove("Start a recovery step", "/continuity start BCP-2 1"),
    done: stepMove("Mark a recovery step done", "/continuity done BCP-2 1"),
    blocked: defineSubcommand({
      description: "Mark a recovery step blocked",
      args: { ref, step, reason: text({ description: "What blocks it", maxLength: 300 }) },
      examples: ['/continuity blocked BCP-2 1 reason:"Waiting for the vendor"'],
    }),
    restored: defineSubcommand({
      description: "The service is back: record the recovery time",
      args: { ref },
      examples: ["/continuity restored BCP-2"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
  },
});

export type ContinuityCommand = ParsedCommandOf<typeof continuityCommand>;
