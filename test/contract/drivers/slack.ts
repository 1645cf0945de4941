// The contract driver for Slack: the real Bolt app inside OpsDesk, driven by signed requests from the
// local Slack's sender. Slack specifics handled here: commands are typed as text; private answers come
// through the request's response_url (commands, buttons) or chat.postEphemeral (form submissions); a
// rejected form keeps the modal open with errors beside its fields; buttons ask for confirmation in the
// client, so a click is already confirmed; a major incident gets its own channel.

import type { FakeMessage, RecordedCall } from "../../fakes/slack/server.js";
import type { SendResult } from "../../fakes/slack/signer.js";
import { signSlackRequest } from "../../fakes/slack/signer.js";
import { channels, people, stranger } from "../../support/desk-config.js";
import { type SlackWorld, signingSecret, startSlackWorld } from "../../support/slack-world.js";
import {
  type Answer,
  type ChatDriver,
  type DeskChannel,
  type Invocation,
  type MajorRoom,
  type OpenForm,
  type Person,
  type PostedCard,
  type PostedKind,
  titlePrefix,
} from "../driver.js";
import { invocationText } from "../support/invocation-text.js";
import { liveInSlack } from "../support/live-markup.js";
import { eventually, textsIn } from "../support/wait.js";

const slackIds: Record<Person, string> = {
  ada: people.ada.slack,
  otto: people.otto.slack,
  rita: people.rita.slack,
  carl: people.carl.slack,
  cleo: people.cleo.slack,
  stranger: stranger.slack,
};
const deskChannels: Record<DeskChannel, string> = {
  incidents: channels.slack.incidents,
  payments: channels.slack.payments,
  approvals: channels.slack.approvals,
  assets: channels.slack.assets,
};
const FORM = "application/x-www-form-urlencoded";

function personOf(slackId: string): Person | undefined {
  return (Object.keys(slackIds) as Person[]).find((person) => slackIds[person] === slackId);
}

/** &, < and > as Slack stores and hands out message text (https://api.slack.com/reference/surfaces/formatting#escaping). */
function escapeAsSlackDoes(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Slack escapes &, < and > in mrkdwn; people read them unescaped. */
function unescapeMrkdwn(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

const textKeys = new Set(["text"]);

/** What a person reads: mrkdwn unescaped and without the asterisks that make text bold. */
function visibleText(message: { text?: unknown; blocks?: unknown }): string {
  const inBlocks = textsIn(message.blocks ?? [], textKeys);
  const markup = inBlocks.length > 0 ? inBlocks.join("\n") : String(message.text ?? "");
  return unescapeMrkdwn(markup.replace(/\*([^*\n]+)\*/g, "$1"));
}

interface SlackButton {
  action_id: string;
  value?: string;
  text: { text: string };
}

function buttonsOf(blocks: unknown): SlackButton[] {
  return ((blocks ?? []) as { type: string; elements?: SlackButton[] }[])
    .filter((block) => block.type === "actions")
    .flatMap((block) => (block.elements ?? []).filter((element) => "action_id" in element));
}

interface SlackView {
  id?: string;
  callback_id: string;
  title?: { text?: string };
  blocks: { type: string; block_id?: string; element?: Record<string, unknown> }[];
}

interface InputElement {
  type: string;
  action_id: string;
  initial_value?: string;
  initial_option?: { value: string };
}

function inputsOf(view: SlackView): { fieldId: string; element: InputElement }[] {
  return view.blocks
    .filter((block) => block.type === "input" && block.block_id?.startsWith("field."))
    .map((block) => ({
      fieldId: (block.block_id ?? "").slice("field.".length),
      element: block.element as unknown as InputElement,
    }));
}

/** What Slack puts in view.state.values for `value` typed or picked into `element`. */
function elementState(element: InputElement, value: string | undefined): Record<string, unknown> {
  switch (element.type) {
    case "static_select":
      return {
        type: element.type,
        selected_option: value ? { value, text: { type: "plain_text", text: value } } : null,
      };
    case "users_select":
      return { type: element.type, selected_user: value ?? null };
    case "checkboxes":
      return { type: element.type, selected_options: value === "true" ? [{ value: "true" }] : [] };
    default:
      return { type: element.type, value: value ?? null };
  }
}

/** A request as it went over the wire, to deliver again. */
interface Delivered {
  body: string;
}

export async function startSlackDriver(): Promise<ChatDriver> {
  const world: SlackWorld = await startSlackWorld();
  const { fake } = world;
  const views = new WeakMap<OpenForm, SlackView>();
  const responseUrlsOf = new Map<Person, Set<string>>();
  const last = new Map<Person, Delivered>();

  const responseUrlId = (url: string | undefined) => decodeURIComponent(url?.split("/hooks/")[1] ?? "");

  function remember(as: Person, sent: SendResult, body: string): void {
    last.set(as, { body });
    if (sent.responseUrl === undefined) return;
    const ids = responseUrlsOf.get(as) ?? new Set<string>();
    ids.add(responseUrlId(sent.responseUrl));
    responseUrlsOf.set(as, ids);
  }

  function formFrom(view: SlackView): OpenForm {
    const inputs = inputsOf(view);
    const prefill: Record<string, string> = {};
    for (const { fieldId, element } of inputs) {
      const value = element.initial_value ?? element.initial_option?.value;
      if (value !== undefined) prefill[fieldId] = value;
    }
    const form: OpenForm = {
      id: view.callback_id,
      title: view.title?.text ?? "",
      fields: inputs.map((input) => input.fieldId),
      prefill,
    };
    views.set(form, view);
    return form;
  }

  function answerFrom(message: { text?: unknown; blocks?: unknown }): Answer {
    return { text: visibleText(message), buttons: buttonsOf(message.blocks).map((b) => b.text.text) };
  }

  /**
   * The private reply through this request's response_url (or as an ephemeral message to `as` after
   * `before`, the number of calls recorded when it was sent), or the form it opened with its trigger.
   */
  async function answerTo(sent: SendResult, as: Person, before: number): Promise<Answer> {
    expectAcknowledged(sent);
    const urlId = responseUrlId(sent.responseUrl);
    const call = await eventually(
      () =>
        fake.calls.find(
          (c, index) =>
            (c.method === "response_url" && c.args.response_url_id === urlId) ||
            (c.method === "views.open" && c.args.trigger_id === sent.triggerId && c.status === 200) ||
            (index >= before && c.method === "chat.postEphemeral" && c.args.user === slackIds[as]),
        ),
      "a private reply or a form",
    );
    if (call.method === "views.open") {
      const opened = (call.response as { view: SlackView }).view;
      return { text: "", buttons: [], form: formFrom(opened) };
    }
    return answerFrom(call.args);
  }

  function expectAcknowledged(sent: SendResult): void {
    if (sent.status !== 200) throw new Error(`Slack request answered HTTP ${sent.status}: ${sent.body}`);
  }

  const isPrivateTo = (userId: string) => (c: RecordedCall) =>
    (c.method === "chat.postEphemeral" && c.args.user === userId) ||
    (c.method === "chat.postMessage" && c.args.channel === userId);

  function cardsOf(
    ref: string,
    which: PostedKind = "card",
  ): { channel: DeskChannel; message: FakeMessage }[] {
    return (Object.keys(deskChannels) as DeskChannel[]).flatMap((channel) =>
      fake
        .messagesIn(deskChannels[channel])
        .filter((m) => m.bot_id !== undefined && m.text.startsWith(titlePrefix(ref, which)))
        .map((message) => ({ channel, message })),
    );
  }

  function cardMessage(
    ref: string,
    which: PostedKind = "card",
  ): { channel: DeskChannel; message: FakeMessage } {
    const found = cardsOf(ref, which)[0];
    if (!found) throw new Error(`no ${which} for ${ref} in the desk's Slack channels`);
    return found;
  }

  function threadOf(ref: string): string[] {
    return (cardMessage(ref).message.replies ?? []).map((reply) => unescapeMrkdwn(reply.text));
  }

  async function command(as: Person, name: string, text: string, channel: DeskChannel): Promise<Answer> {
    const before = fake.calls.length;
    const sent = await world.slack.command({
      command: `/${name}`,
      text,
      userId: slackIds[as],
      channelId: deskChannels[channel],
    });
    remember(as, sent, new URLSearchParams(sent.payload as Record<string, string>).toString());
    return answerTo(sent, as, before);
  }

  const interactive = (payload: Record<string, unknown>) =>
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

  return {
    name: "slack",
    platform: "slack",
    opsdesk: world.opsdesk,

    async run(as, invocation: Invocation) {
      return command(as, invocation.command, invocationText(invocation), invocation.channel ?? "incidents");
    },

    async openCreateForm(as, name) {
      return command(as, name, "", "incidents");
    },

    async raiseFromMessage(as, messageText) {
      const posted = (await fetch(`${fake.apiUrl}chat.postMessage`, {
        method: "POST",
        headers: { authorization: `Bearer ${fake.botToken}`, "content-type": "application/json" },
        body: JSON.stringify({ channel: channels.slack.incidents, text: messageText }),
      }).then((r) => r.json())) as { ts: string };
      const before = fake.calls.length;
      const sent = await world.slack.messageShortcut({
        callbackId: "raise_incident",
        channelId: channels.slack.incidents,
        userId: slackIds[as],
        // Slack hands a message shortcut the text HTML-escaped, as it stores it.
        message: { text: escapeAsSlackDoes(messageText), ts: posted.ts, user: slackIds.rita },
      });
      remember(as, sent, interactive(sent.payload));
      return answerTo(sent, as, before);
    },

    async click(as, ref, label, on = "card") {
      const { channel, message } = cardMessage(ref, on);
      const button = buttonsOf(message.blocks).find((b) => b.text.text === label);
      if (!button) throw new Error(`the ${on} of ${ref} has no "${label}" button`);
      const before = fake.calls.length;
      const sent = await world.slack.blockAction({
        actionId: button.action_id,
        ...(button.value !== undefined ? { value: button.value } : {}),
        userId: slackIds[as],
        channelId: deskChannels[channel],
        messageTs: message.ts,
      });
      remember(as, sent, interactive(sent.payload));
      return answerTo(sent, as, before);
    },

    async clickInDirectMessage(as, containing, label) {
      const call = fake
        .callsTo("chat.postMessage")
        .filter((c) => c.args.channel === slackIds[as] && String(c.args.text ?? "").includes(containing))
        .at(-1);
      if (!call) throw new Error(`no direct message to ${as} containing "${containing}"`);
      const button = buttonsOf(call.args.blocks).find((b) => b.text.text === label);
      if (!button) throw new Error(`the direct message to ${as} has no "${label}" button`);
      const posted = call.response as { channel: string; ts: string };
      const before = fake.calls.length;
      const sent = await world.slack.blockAction({
        actionId: button.action_id,
        ...(button.value !== undefined ? { value: button.value } : {}),
        userId: slackIds[as],
        channelId: posted.channel,
        messageTs: posted.ts,
      });
      remember(as, sent, interactive(sent.payload));
      return answerTo(sent, as, before);
    },

    async submit(as, form, values) {
      const view = views.get(form);
      if (!view) throw new Error(`form ${form.id} did not open on Slack`);
      const userId = slackIds[as];
      const open = fake.openViews(userId).findLast((v) => v.callback_id === view.callback_id);
      const state: Record<string, Record<string, unknown>> = {};
      for (const { fieldId, element } of inputsOf(view)) {
        state[`field.${fieldId}`] = { [element.action_id]: elementState(element, values[fieldId]) };
      }
      const privateBefore = fake.calls.filter(isPrivateTo(userId)).length;
      const sent = await world.slack.viewSubmission({
        callbackId: view.callback_id,
        userId,
        ...(open ? { viewId: open.id } : {}),
        values: state,
      });
      remember(as, sent, interactive(sent.payload));
      expectAcknowledged(sent);
      const ack = sent.body.trim() === "" ? {} : (JSON.parse(sent.body) as Record<string, unknown>);
      if (ack.response_action === "errors") {
        // Slack shows each problem under its field and keeps the modal open.
        const errors = Object.entries(ack.errors as Record<string, string>).map(
          ([blockId, problem]) => `${blockId.replace(/^field\./, "")}: ${problem}`,
        );
        return { text: errors.join("\n"), buttons: [], form };
      }
      const reply = await eventually(
        () => fake.calls.filter(isPrivateTo(userId))[privateBefore],
        `a private reply to ${as}'s ${form.id} submission`,
      );
      return answerFrom(reply.args);
    },

    async redeliverLast(as) {
      const delivered = last.get(as);
      if (!delivered) throw new Error(`${as} has sent nothing to redeliver`);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(`${world.opsdesk.url}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": FORM,
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signSlackRequest(signingSecret, timestamp, delivered.body),
          "x-slack-retry-num": "1",
          "x-slack-retry-reason": "http_timeout",
        },
        body: delivered.body,
      });
      await response.text();
      if (response.status !== 200) throw new Error(`the redelivery was answered HTTP ${response.status}`);
    },

    async privateReplies(as) {
      const urls = responseUrlsOf.get(as) ?? new Set<string>();
      return fake.calls
        .filter(
          (c) =>
            (c.method === "response_url" && urls.has(String(c.args.response_url_id))) ||
            isPrivateTo(slackIds[as])(c),
        )
        .map((c) => visibleText(c.args));
    },

    async directMessages(to) {
      return fake
        .callsTo("chat.postMessage")
        .filter((call) => call.args.channel === slackIds[to])
        .map((call) => String(call.args.text ?? ""));
    },

    async channelMessages(channel) {
      return fake
        .messagesIn(deskChannels[channel])
        .map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`);
    },

    async images(where) {
      const channel =
        "channel" in where ? deskChannels[where.channel] : fake.directChannelOf(slackIds[where.dm]);
      if (!channel) return [];
      return fake.messagesIn(channel).flatMap((m) =>
        (m.files ?? []).map((file) => ({
          // The Slack transport appends a hash of the outbox row's key to find a chart again (upload-image.ts).
          filename: file.name.replace(/-[0-9a-f]{12}\.png$/, ".png"),
          altText: file.alt_txt ?? "",
          text: unescapeMrkdwn(m.text),
          png: fake.uploadedBytes(file.id) ?? Buffer.alloc(0),
        })),
      );
    },

    mention: (person) => `<@${slackIds[person]}>`,

    async liveMarkup(where, containing) {
      const texts =
        "channel" in where
          ? fake
              .messagesIn(deskChannels[where.channel])
              .filter((m) => (m.blocks ?? []).length === 0)
              .map((m) => m.text)
          : fake
              .callsTo("chat.postMessage")
              .filter((call) => call.args.channel === slackIds[where.dm])
              .map((call) => String(call.args.text ?? ""));
      return texts.filter((text) => unescapeMrkdwn(text).includes(containing)).map(liveInSlack);
    },

    async card(ref, which = "card"): Promise<PostedCard> {
      const { channel, message } = cardMessage(ref, which);
      const blocks = (message.blocks ?? []) as {
        type: string;
        text?: { text: string };
        fields?: { text: string }[];
      }[];
      const fields: Record<string, string> = {};
      for (const field of blocks.flatMap((block) => block.fields ?? [])) {
        const [, label, value] = /^\*(.+?)\*\n([\s\S]*)$/.exec(field.text) ?? [];
        if (label !== undefined) fields[unescapeMrkdwn(label)] = unescapeMrkdwn(value ?? "");
      }
      return {
        channel,
        messageId: message.ts,
        title: unescapeMrkdwn(blocks.find((block) => block.type === "header")?.text?.text ?? ""),
        fields,
        buttons: buttonsOf(message.blocks).map((b) => b.text.text),
        text: visibleText(message),
      };
    },

    async cardsPosted(ref, which = "card") {
      return cardsOf(ref, which).length;
    },

    async threadLines(ref) {
      return threadOf(ref);
    },

    async threadLiveMarkup(ref) {
      // Slack parses a text-only message as mrkdwn: every <…> sequence is a control sequence (a mention, a
      // broadcast, a link), https://api.slack.com/reference/surfaces/formatting. OpsDesk's own room link
      // (<#C…>) is the one expected.
      return (cardMessage(ref).message.replies ?? []).flatMap((reply) =>
        liveInSlack(reply.text).filter((token) => !/^<#C[A-Z0-9]+>$/.test(token)),
      );
    },

    async majorRoom(ref): Promise<MajorRoom | undefined> {
      const prefix = `inc-${ref.replace(/^\D+/, "")}-`;
      const created = fake
        .callsTo("conversations.create")
        .map((c) => (c.response as { channel?: { id: string; name: string } }).channel)
        .find((channel) => channel?.name.startsWith(prefix));
      const room = created ? fake.channel(created.id) : undefined;
      if (!room) return undefined;
      const pinned = fake.messagesIn(room.id).find((m) => m.pinned);
      return {
        name: room.name,
        members: room.members.flatMap((id) => personOf(id) ?? []),
        pinned: pinned ? visibleText(pinned) : undefined,
        linkedFromCardThread: threadOf(ref).some((line) => line.includes(`<#${room.id}>`)),
      };
    },

    settle: world.settle,
    close: world.close,
  };
}
