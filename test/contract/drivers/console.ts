// The contract driver for the local console: OpsDesk started in-process with no chat credentials, driven
// through the console's JSON API (the calls its page makes). Console specifics handled here: commands are
// typed as text; private answers are messages only their reader sees, read back from the API; a form comes
// back as the neutral form and is submitted with every field (those left out empty); a rejected form
// answers its problems per field and stays open; a button's confirmation is asked by the page, so a click
// is already confirmed; a major incident gets its own channel, whose first card is its summary and whose
// "Invited to this room" line names its people; redelivery resends a request with its request id.
import {
  type ConsoleApi,
  type ConsoleMessageJson,
  type ConsoleReply,
  type ConsoleWorld,
  startConsoleWorld,
} from "../../support/console-world.js";
import { channels } from "../../support/desk-config.js";
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
import { liveInConsole } from "../support/live-markup.js";

const deskChannels: Record<DeskChannel, string> = {
  incidents: channels.console.incidents,
  payments: channels.console.payments,
  approvals: channels.console.approvals,
  assets: channels.console.assets,
};

interface Sent {
  path: string;
  body: Record<string, unknown>;
}

const entities: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&amp;": "&",
};

/** What a person reads in a message's HTML: the text, tags dropped, line and block breaks kept. */
function readable(html: string): string {
  return html
    .replace(/<br>|<\/(p|div|dt|dd|li|h3|header)>/g, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => entities[entity] ?? entity)
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** The part of a message people read as its content (its author, time and "only you" line left out). */
function contentText(message: ConsoleMessageJson): string {
  return readable(message.html.replace(/<div class="meta">[\s\S]*?<\/div>/, ""));
}

function buttonsOf(message: ConsoleMessageJson): string[] {
  return (message.view?.actions ?? []).map((action) => action.label);
}

let nextRequest = 0;
const requestId = () => `contract-${process.pid}-${++nextRequest}-${Date.now()}`;

export async function startConsoleDriver(): Promise<ChatDriver> {
  const world: ConsoleWorld = await startConsoleWorld();
  const api: ConsoleApi = world.api;
  const forms = new WeakMap<OpenForm, NonNullable<ConsoleReply["form"]>>();
  const last = new Map<Person, Sent>();

  async function send(as: Person, path: string, body: Record<string, unknown>): Promise<ConsoleReply> {
    const sent = { path, body: { ...body, as, requestId: requestId() } };
    last.set(as, sent);
    const { status, body: answered } = await api.post<{ reply: ConsoleReply | null; message?: string }>(
      path,
      sent.body,
    );
    if (status !== 200 || !answered.reply)
      throw new Error(`console ${path} answered ${status}: ${JSON.stringify(answered)}`);
    return answered.reply;
  }

  function answerFrom(reply: ConsoleReply, openForm?: OpenForm): Answer {
    if (reply.kind === "form" && reply.form) {
      const neutral = reply.form;
      const prefill: Record<string, string> = {};
      for (const field of neutral.fields) {
        if (field.initial !== undefined) prefill[field.id] = String(field.initial);
      }
      const form: OpenForm = {
        id: neutral.id,
        title: neutral.title,
        fields: neutral.fields.map((f) => f.id),
        prefill,
      };
      forms.set(form, neutral);
      return { text: "", buttons: [], form };
    }
    if (reply.kind === "field_errors") {
      const problems = Object.entries(reply.errors ?? {}).map(([field, problem]) => `${field}: ${problem}`);
      return { text: problems.join("\n"), buttons: [], ...(openForm ? { form: openForm } : {}) };
    }
    if (!reply.message) throw new Error(`console reply without a message: ${JSON.stringify(reply)}`);
    return { text: contentText(reply.message), buttons: buttonsOf(reply.message) };
  }

  async function cardsOf(
    ref: string,
    which: PostedKind = "card",
  ): Promise<{ channel: DeskChannel; message: ConsoleMessageJson }[]> {
    const found: { channel: DeskChannel; message: ConsoleMessageJson }[] = [];
    for (const channel of Object.keys(deskChannels) as DeskChannel[]) {
      for (const message of await api.messages(deskChannels[channel], "ada")) {
        if (
          message.kind === "card" &&
          !message.private &&
          message.view?.title?.startsWith(titlePrefix(ref, which))
        )
          found.push({ channel, message });
      }
    }
    return found;
  }

  async function cardMessage(
    ref: string,
    which: PostedKind = "card",
  ): Promise<{ channel: DeskChannel; message: ConsoleMessageJson }> {
    const [found] = await cardsOf(ref, which);
    if (!found) throw new Error(`no ${which} for ${ref} in the desk's console channels`);
    return found;
  }

  async function threadOf(ref: string): Promise<string[]> {
    const { message } = await cardMessage(ref);
    return (await api.thread(message.id, "ada")).replies.map((reply) => reply.text ?? "");
  }

  return {
    name: "console",
    platform: "console",
    opsdesk: world.opsdesk,

    async run(as, invocation: Invocation) {
      const text = `/${invocation.command} ${invocationText(invocation)}`;
      const channel = deskChannels[invocation.channel ?? "incidents"];
      return answerFrom(await send(as, "/command", { channel, text }));
    },

    async openCreateForm(as, name) {
      return answerFrom(await send(as, "/command", { channel: deskChannels.incidents, text: `/${name}` }));
    },

    async raiseFromMessage(as, messageText) {
      const posted = await send("rita", "/command", { channel: deskChannels.incidents, text: messageText });
      if (!posted.message) throw new Error("the message was not posted");
      return answerFrom(
        await send(as, "/raise", { channel: deskChannels.incidents, messageId: posted.message.id }),
      );
    },

    async click(as, ref, label, on = "card") {
      const { channel, message } = await cardMessage(ref, on);
      const action = message.view?.actions?.find((a) => a.label === label);
      if (!action) throw new Error(`the ${on} of ${ref} has no "${label}" button`);
      return answerFrom(
        await send(as, "/button", { channel: deskChannels[channel], action: action.id, value: action.value }),
      );
    },

    async clickInDirectMessage(as, containing, label) {
      const message = (await api.messages(`@${as}`, as))
        .filter((m) => contentText(m).includes(containing))
        .at(-1);
      if (!message) throw new Error(`no direct message to ${as} containing "${containing}"`);
      const action = message.view?.actions?.find((a) => a.label === label);
      if (!action) throw new Error(`the direct message to ${as} has no "${label}" button`);
      return answerFrom(
        await send(as, "/button", { channel: `@${as}`, action: action.id, value: action.value }),
      );
    },

    async submit(as, form, values) {
      const neutral = forms.get(form);
      if (!neutral) throw new Error(`form ${form.id} did not open in the console`);
      const submitted: Record<string, string | boolean | null> = {};
      for (const field of neutral.fields) {
        const value = values[field.id];
        submitted[field.id] = field.type === "checkbox" ? value === "true" : (value ?? null);
      }
      const reply = await send(as, "/form", {
        channel: deskChannels.incidents,
        formId: neutral.id,
        hidden: neutral.hidden,
        values: submitted,
      });
      return answerFrom(reply, form);
    },

    async redeliverLast(as) {
      const sent = last.get(as);
      if (!sent) throw new Error(`${as} has sent nothing to redeliver`);
      const { status } = await api.post(sent.path, sent.body);
      if (status !== 200) throw new Error(`the redelivery was answered HTTP ${status}`);
    },

    async privateReplies(as) {
      return (await api.privateReplies(as)).map(contentText);
    },

    async directMessages(to) {
      return (await api.messages(`@${to}`, to)).map((message) => message.text ?? "");
    },

    async channelMessages(channel) {
      return (await api.messages(deskChannels[channel], "ada"))
        .filter((message) => !message.private)
        .map((message) =>
          message.view
            ? `${message.view.title ?? message.view.text ?? ""}\n${JSON.stringify(message.view)}`
            : (message.text ?? ""),
        );
    },

    async images(where) {
      const messages =
        "channel" in where
          ? (await api.messages(deskChannels[where.channel], "ada")).filter((m) => !m.private)
          : await api.messages(`@${where.dm}`, where.dm);
      return messages.flatMap((m) =>
        m.kind === "image" && m.image
          ? [
              {
                filename: m.image.filename,
                altText: m.image.altText,
                text: m.text ?? "",
                png: Buffer.from(m.image.pngBase64, "base64"),
              },
            ]
          : [],
      );
    },

    mention: (person) => `@${person}`,

    async liveMarkup(where, containing) {
      const messages =
        "channel" in where
          ? (await api.messages(deskChannels[where.channel], "ada")).filter((m) => !m.private)
          : await api.messages(`@${where.dm}`, where.dm);
      return messages
        .filter((m) => m.kind === "text" && (m.text ?? "").includes(containing))
        .map((m) => liveInConsole(m.html));
    },

    async card(ref, which = "card"): Promise<PostedCard> {
      const { channel, message } = await cardMessage(ref, which);
      return {
        channel,
        messageId: String(message.id),
        title: message.view?.title ?? "",
        fields: Object.fromEntries((message.view?.fields ?? []).map((f) => [f.label, f.value])),
        buttons: buttonsOf(message),
        text: contentText(message),
      };
    },

    async cardsPosted(ref, which = "card") {
      return (await cardsOf(ref, which)).length;
    },

    async threadLines(ref) {
      return threadOf(ref);
    },

    async threadLiveMarkup(ref) {
      // The console renders lines as HTML: anything live would be an element (a link, a mention) in it.
      const { message } = await cardMessage(ref);
      return (await api.thread(message.id, "ada")).replies.flatMap((reply) =>
        liveInConsole(reply.html).filter((tag) => !tag.includes("#inc-")),
      );
    },

    async majorRoom(ref): Promise<MajorRoom | undefined> {
      const prefix = `#inc-${ref.replace(/^\D+/, "")}-`;
      const workspace = await api.get<{ channels: { id: string }[] }>("/workspace");
      const room = workspace.channels.find((c) => c.id.startsWith(prefix));
      if (!room) return undefined;
      const messages = await api.messages(room.id, "ada");
      const invited = messages.find((m) => m.text?.startsWith("Invited to this room:"))?.text ?? "";
      const summary = messages.find((m) => m.kind === "card");
      return {
        name: room.id.slice(1),
        members: [...invited.matchAll(/@(\S+)/g)].map((match) => match[1] as Person),
        pinned: summary ? contentText(summary) : undefined,
        linkedFromCardThread: (await threadOf(ref)).some((line) => line.includes(room.id)),
      };
    },

    settle: world.settle,
    close: world.close,
  };
}
