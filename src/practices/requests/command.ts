import { choice, person, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { REQUEST_PREFIX, requestLimits } from "./model.js";

export const requestListScopes = ["mine", "open", "assigned", "all"] as const;
export type RequestListScope = (typeof requestListScopes)[number];

const listScopeLabels = {
  mine: "Requested by me",
  open: "All open requests",
  assigned: "Waiting for me: my approvals and my groups' tasks",
  all: "All requests",
} as const;

const ref = ticket({
  description: "The request, e.g. REQ-4",
  prefix: REQUEST_PREFIX,
  positional: true,
  required: true,
});
const task = text({
  description: "The task, e.g. REQ-4/1 (request and task number)",
  positional: true,
  required: true,
  maxLength: 20,
});

function withReason(description: string, reasonDescription: string, required: boolean, example: string) {
  return defineSubcommand({
    description,
    args: {
      ref,
      reason: required
        ? text({ description: reasonDescription, maxLength: requestLimits.reasonMax, required: true })
        : text({ description: reasonDescription, maxLength: requestLimits.reasonMax }),
    },
    examples: [example],
  });
}

/** `/request`: order from the service catalog, approve, and fulfil; every button has a text equivalent. */
export const requestCommand = defineCommand({
  name: "request",
  description: "Request something from the service catalog",
  defaultSubcommand: "new",
  whenEmpty: "new",
  subcommands: {
    new: defineSubcommand({
      description: "Request a catalog item (no item: browse the catalog; only the item: its form)",
      args: {
        item: text({ description: "The catalog item's id, e.g. laptop", positional: true, maxLength: 64 }),
        values: text({
          description: 'Its fields as field:value, e.g. "model:developer ram:32"',
          maxLength: 3000,
        }),
      },
      // The item's fields come from opsdesk.yaml: `/request laptop ram:32` names them directly.
      acceptsExtraOptions: true,
      examples: ["/request laptop model:developer ram:32 needed_by:2026-12-24", "/request password-reset"],
    }),
    search: defineSubcommand({
      description: "Find catalog items by words",
      args: {
        words: text({ description: "Words to look for", positional: true, required: true, maxLength: 100 }),
      },
      examples: ["/request search laptop"],
    }),
    continue: defineSubcommand({
      description: "Open the next form of a request you started (long items take more than one form)",
      args: {},
      examples: ["/request continue"],
    }),
    list: defineSubcommand({
      description: "List requests",
      args: {
        scope: choice(requestListScopes, listScopeLabels, {
          description: "Which requests",
          positional: true,
          default: "mine",
        }),
      },
      examples: ["/request list open"],
    }),
    show: defineSubcommand({
      description: "Show a request",
      args: { ref },
      examples: ["/request show REQ-4"],
    }),
    approve: defineSubcommand({
      description: "Approve a request",
      args: { ref },
      examples: ["/request approve REQ-4"],
    }),
    reject: withReason(
      "Reject a request",
      "Why it is rejected",
      true,
      '/request reject REQ-4 reason:"No budget"',
    ),
    ask: defineSubcommand({
      description: "Ask the requester for more information before deciding",
      args: {
        ref,
        question: text({
          description: "Your question",
          maxLength: requestLimits.questionMax,
          required: true,
        }),
      },
      examples: ['/request ask REQ-4 question:"Which project is it for?"'],
    }),
    answer: defineSubcommand({
      description: "Answer an approver's question on your request",
      args: {
        ref,
        answer: text({ description: "Your answer", maxLength: requestLimits.questionMax, required: true }),
      },
      examples: ['/request answer REQ-4 answer:"For the payments migration"'],
    }),
    cancel: withReason(
      "Cancel your request before fulfilment starts",
      "Why (optional)",
      false,
      "/request cancel REQ-4",
    ),
    reopen: withReason(
      "Reopen your fulfilled request",
      "What is still missing",
      true,
      '/request reopen REQ-4 reason:"No charger"',
    ),
    take: defineSubcommand({
      description: "Take a fulfilment task",
      args: { task },
      examples: ["/request take REQ-4/1"],
    }),
    done: defineSubcommand({
      description: "Finish a fulfilment task",
      args: { task, note: text({ description: "What was done", maxLength: requestLimits.noteMax }) },
      examples: ['/request done REQ-4/1 note:"Ordered, arrives Monday"'],
    }),
    blocked: defineSubcommand({
      description: "Mark a fulfilment task blocked",
      args: {
        task,
        reason: text({ description: "What blocks it", maxLength: requestLimits.reasonMax, required: true }),
      },
      examples: ['/request blocked REQ-4/1 reason:"Out of stock"'],
    }),
    delegate: defineSubcommand({
      description: "Send your approvals to someone else until a date",
      args: {
        to: person({ description: "Who approves in your place", required: true }),
        until: text({ description: "Last day, e.g. 2026-12-24", required: true, maxLength: 10 }),
      },
      examples: ["/request delegate @ada until:2026-12-24"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
  },
});

export type RequestCommand = ParsedCommandOf<typeof requestCommand>;
