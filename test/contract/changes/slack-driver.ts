import { expect } from "vitest";
import { channels, people } from "../../support/desk-config.js";
import type { SlackWorld } from "../../support/slack-world.js";
import { liveInSlack } from "../support/live-markup.js";
import type { ChangeDriver, ChangeMessage, PersonKey } from "./driver.js";

/** Changes are discussed in the approvals channel unless their first service has a channel of its own. */
const changeChannels = [channels.slack.approvals, channels.slack.payments];

function quote(value: string): string {
  return /[\s:"]/.test(value) ? `"${value.replace(/"/g, "'")}"` : value;
}

function isOn(text: string, ref: string, on: ChangeMessage): boolean {
  return on === "approval" ? text.startsWith(`Approval needed · ${ref} ·`) : text.startsWith(`${ref} ·`);
}

export function slackChangeDriver(world: SlackWorld): ChangeDriver {
  const find = (ref: string, on: ChangeMessage) => {
    for (const channel of changeChannels) {
      const found = world.fake.messagesIn(channel).find((m) => isOn(m.text, ref, on));
      if (found) return { channel, message: found };
    }
    return undefined;
  };

  /** The next private answer to `userId`: through a response_url or as an ephemeral message. */
  const nextAnswer = (userId: string) => {
    const seen = new Set([
      ...world.fake.callsTo("response_url"),
      ...world.fake.callsTo("chat.postEphemeral"),
    ]);
    return async (): Promise<string> => {
      const fresh = (c: { args: Record<string, unknown> }) => !seen.has(c as never);
      const call = await Promise.race([
        world.fake.waitForCall("response_url", fresh),
        world.fake.waitForCall("chat.postEphemeral", (c) => fresh(c) && c.args.user === userId),
      ]);
      return `${String(call.args.text ?? "")}\n${JSON.stringify(call.args.blocks ?? [])}`;
    };
  };

  const nextForm = (userId: string) => {
    const opened = world.fake.callsTo("views.open").length;
    return async (): Promise<string> => {
      await world.fake.waitForCall("views.open", () => world.fake.callsTo("views.open").length > opened);
      const view = world.fake.openViews(userId).at(-1);
      return String(view?.callback_id ?? "");
    };
  };

  return {
    platform: "slack",
    opsdesk: world.opsdesk,
    async command(subcommand, args, as) {
      const { ref, ...named } = args;
      const text = [
        subcommand,
        ...(ref ? [ref] : []),
        ...Object.entries(named).map(([k, v]) => `${k}:${quote(v)}`),
      ].join(" ");
      const answer = nextAnswer(people[as].slack);
      const sent = await world.slack.command({
        command: "/change",
        text,
        userId: people[as].slack,
        channelId: channels.slack.approvals,
      });
      expect(sent.status).toBe(200);
      const reply = await answer();
      await world.settle();
      return reply;
    },
    async openCreateForm(as) {
      const form = nextForm(people[as].slack);
      await world.slack.command({
        command: "/change",
        text: "",
        userId: people[as].slack,
        channelId: channels.slack.approvals,
      });
      return form();
    },
    async click(ref, action, as, on) {
      const found = find(ref, on);
      if (!found) throw new Error(`no ${on} message for ${ref}`);
      const userId = people[as].slack;
      const answer = nextAnswer(userId);
      const form = nextForm(userId);
      const sent = await world.slack.blockAction({
        actionId: `change.${action}`,
        value: ref,
        userId,
        channelId: found.channel,
        messageTs: found.message.ts,
      });
      expect(sent.status).toBe(200);
      const reply = await Promise.race([answer(), form().then((id) => `form:${id}`)]);
      await world.settle();
      return reply;
    },
    async submitForm(formId, values, as) {
      const userId = people[as].slack;
      const view = world.fake.openViews(userId).findLast((v) => v.callback_id === formId);
      if (!view) throw new Error(`no open ${formId} form for ${as}`);
      const blocks = (view.blocks ?? []) as { block_id?: string; element?: { type?: string } }[];
      const state: Record<string, Record<string, unknown>> = {};
      for (const [field, value] of Object.entries(values)) {
        const type =
          blocks.find((block) => block.block_id === `field.${field}`)?.element?.type ?? "plain_text_input";
        state[`field.${field}`] = {
          [field]: type === "static_select" ? { type, selected_option: { value } } : { type, value },
        };
      }
      const answer = nextAnswer(userId);
      const sent = await world.slack.viewSubmission({
        callbackId: formId,
        userId,
        viewId: view.id,
        values: state,
      });
      expect(sent.status).toBe(200);
      const reply = await answer();
      await world.settle();
      return reply;
    },
    message(ref, on) {
      const found = find(ref, on);
      return found ? `${found.message.text}\n${JSON.stringify(found.message.blocks)}` : undefined;
    },
    approvalsChannel: () =>
      world.fake
        .messagesIn(channels.slack.approvals)
        .map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`),
    mention: (person: PersonKey) => `<@${people[person].slack}>`,
    directMessages(to) {
      return world.fake
        .callsTo("chat.postMessage")
        .filter((call) => call.args.channel === people[to].slack)
        .map((call) => String(call.args.text ?? ""));
    },
    liveMarkup(where, containing) {
      const readable = (text: string) =>
        text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
      const texts =
        "channel" in where
          ? world.fake
              .messagesIn(channels.slack.approvals)
              .filter((m) => (m.blocks ?? []).length === 0)
              .map((m) => m.text)
          : world.fake
              .callsTo("chat.postMessage")
              .filter((call) => call.args.channel === people[where.dm].slack)
              .map((call) => String(call.args.text ?? ""));
      return texts.filter((text) => readable(text).includes(containing)).map(liveInSlack);
    },
    settle: () => world.settle(),
  };
}
