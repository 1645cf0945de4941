import { defineRegistry } from "../../kernel/commands/command-spec.js";
import { parseCommandOptions } from "../../kernel/commands/parse-options.js";
import type { Plan } from "../../kernel/practice.js";
import { clipText } from "../../kernel/text/clip.js";
import { privateNotice } from "../../kernel/views/reply.js";
import { findItem } from "./catalog.js";
import { requestCommand } from "./command.js";
import type { RequestContext } from "./context.js";
import { runRequestCommand } from "./handler.js";
import { openItemForm, openNextForm } from "./submit.js";
import { requestActionFromId } from "./views/actions.js";
import { reasonForm } from "./views/forms.js";
import { itemsCard } from "./views/picker.js";

const registry = defineRegistry([requestCommand]);

const intros = {
  reject: "The requester is told your reason.",
  ask: "The request waits until the requester answers; the answer comes back to you.",
  answer: "Your answer goes to the approver who asked.",
  cancel: "Cancel your request; it cannot be undone.",
  reopen: "Fulfilment starts again with the same tasks.",
  done: "The next task opens, or the request is fulfilled when this was the last.",
  blocked: "The group and the request's card show why it is blocked.",
} as const;

/**
 * A button: on the catalog picker (a category, an item), after a saved form (Next), in an approver's
 * direct message, on a request or task card. The value names the category, item, draft, request or task,
 * never the message text. Buttons that need input open their form; the others run their `/request` command.
 */
export function planRequestButton(ctx: RequestContext, actionId: string, value: string): Plan {
  const action = requestActionFromId(actionId);
  const stale: Plan = {
    opensForm: false,
    run: async () =>
      privateNotice("error", "That button is no longer supported. Type /request to start again."),
  };
  if (!action) return stale;
  switch (action) {
    case "category":
      return {
        opensForm: false,
        run: async () => {
          const category = ctx.config.requests.categories.find((c) => c.id === value);
          const items = ctx.config.requests.items.filter((item) => item.category === value);
          return {
            kind: "view",
            view: itemsCard(category?.name ?? "Catalog", items, "This category has no items any more."),
          };
        },
      };
    case "item":
      return {
        opensForm: true,
        run: async ({ actor, platform }) => ({
          kind: "form",
          form: await openItemForm(ctx, actor, platform, findItem(ctx.config.requests, value).id),
        }),
      };
    case "next":
      return {
        opensForm: true,
        run: async ({ actor, platform }) => ({
          kind: "form",
          form: await openNextForm(ctx, actor, platform, Number(value) || -1),
        }),
      };
    case "approve":
    case "take":
      return {
        opensForm: false,
        run: (request) => {
          const options = action === "approve" ? { ref: value } : { task: value };
          const command = parseCommandOptions(registry, { command: "request", subcommand: action, options });
          return runRequestCommand(ctx, { ...request, fromForm: false }, command);
        },
      };
    default:
      return {
        opensForm: true,
        run: async () => ({ kind: "form", form: reasonForm(action, clipText(value, 20), intros[action]) }),
      };
  }
}
