import type { Reply } from "../../kernel/views/reply.js";
import type { ConsoleDeps } from "./deps.js";
import { type MessageJson, messageJson } from "./messages/to-json.js";
import { renderForm } from "./render/form.js";
import { consolePeople } from "./workspace.js";

export type ReplyJson =
  | { kind: "notice" | "view"; message: MessageJson }
  | { kind: "form"; form: unknown; html: string }
  | { kind: "field_errors"; errors: Record<string, string> };

/**
 * Shows a neutral Reply in the console. Private notices and views become messages only the person sees,
 * in the channel where they acted, kept like any message so a reload still shows them; forms go back to
 * the page to open as a dialog.
 */
export async function deliverConsoleReply(
  deps: ConsoleDeps,
  reply: Reply,
  target: { channelId: string; personId: string },
): Promise<ReplyJson> {
  const timezone = deps.config.timezone;
  switch (reply.kind) {
    case "form":
      return {
        kind: "form",
        form: reply.form,
        html: renderForm(reply.form, { people: consolePeople(deps.config) }).toString(),
      };
    case "field_errors":
      return { kind: "field_errors", errors: reply.errors };
    case "notice": {
      const message = await deps.store.post({
        channelId: target.channelId,
        audienceId: target.personId,
        content: { kind: "notice", view: reply.notice },
      });
      return { kind: "notice", message: messageJson(message, timezone) };
    }
    case "view": {
      const content =
        reply.view.type === "card"
          ? ({ kind: "card", view: reply.view } as const)
          : ({ kind: "list", view: reply.view } as const);
      const message = await deps.store.post({
        channelId: target.channelId,
        audienceId: target.personId,
        content,
      });
      return { kind: "view", message: messageJson(message, timezone) };
    }
  }
}
