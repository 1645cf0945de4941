import type { App } from "@slack/bolt";
import { parseCommandText } from "../../../../core/commands/parse-text.js";
import { commandRegistry } from "../../../../core/commands/registry.js";
import { claimRequest } from "../../../../interactions/claim-request.js";
import { openChangeCreateForm, wantsChangeForm } from "../../../../interactions/open-change-form.js";
import type { Reply } from "../../../../interactions/reply.js";
import { runChangeCommand } from "../../../../interactions/run-change-command.js";
import { errorReply } from "../../../../interactions/to-reply.js";
import { deliverSlackReply } from "../../deliver-reply.js";
import { slackActor } from "../../identity.js";
import type { SlackListenerDeps } from "../deps.js";

/** `/change`: no text (or `new` alone) opens the form; anything else is the command grammar. */
export function registerChangeCommand(app: App, deps: SlackListenerDeps): void {
  app.command("/change", async ({ command, ack, client, respond }) => {
    await ack();
    const target = {
      client,
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      respond,
    };
    let reply: Reply | undefined;
    try {
      // Parsing is pure and quick; it decides whether a form must open while the trigger id is fresh.
      const parsed = parseCommandText(commandRegistry, "change", command.text.trim());
      if (parsed.command !== "change") throw new Error("the /change grammar returned another command");
      const opensForm = parsed.subcommand === "new" && wantsChangeForm(parsed.args);
      const handle = async (): Promise<Reply | undefined> => {
        const claimed = await claimRequest(
          deps.changes.db,
          "slack",
          `command:${command.trigger_id}`,
          deps.clock.now(),
        );
        if (!claimed) return undefined;
        const actor = await slackActor(deps.changes.db, { id: command.user_id, name: command.user_name });
        if (opensForm) return { kind: "form", form: await openChangeCreateForm(deps.changes, actor) };
        return runChangeCommand({ platform: "slack", actor, changes: deps.changes }, parsed);
      };
      // The form must open within the trigger's 3 s, so it does not queue behind other work.
      reply = await (opensForm ? handle() : deps.work(handle));
    } catch (error) {
      reply = errorReply(error, deps.log);
    }
    if (reply) await deliverSlackReply(reply, target);
  });
}
