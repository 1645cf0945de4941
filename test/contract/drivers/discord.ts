// The contract drivers for Discord: the same discord.js-facing listeners reached two ways, over the
// gateway (the real discord.js client logged into the local Discord) and as signed HTTP interactions to
// OpsDesk's endpoint. Discord specifics handled here: commands are typed options; the first answer is a
// deferred private reply that is then edited (or a modal); buttons carry their action in the custom_id;
// actions that need confirming answer with a question and a second button, which the driver clicks;
// invalid form fields are named in the private reply; a major incident gets a thread.
import { ComponentType } from "discord.js";
import {
  buttonClick,
  type FakeDiscord,
  type FakeMessage,
  type InteractionSpec,
  messageCommand,
  type SentInteraction,
  slashCommand,
} from "../../fakes/discord/index.js";
import { channels, people, stranger } from "../../support/desk-config.js";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";
import {
  type Answer,
  type ChatDriver,
  type DeskChannel,
  type MajorRoom,
  type OpenForm,
  type Person,
  type PostedCard,
  type PostedKind,
  titlePrefix,
} from "../driver.js";
import { type AllowedMentions, liveInDiscord } from "../support/live-markup.js";
import { answerTimeoutMs, textsIn } from "../support/wait.js";

const discordIds: Record<Person, string> = {
  ada: people.ada.discord,
  otto: people.otto.discord,
  rita: people.rita.discord,
  carl: people.carl.discord,
  cleo: people.cleo.discord,
  stranger: stranger.discord,
};
const deskChannels: Record<DeskChannel, string> = {
  incidents: channels.discord.incidents,
  payments: channels.discord.payments,
  approvals: channels.discord.approvals,
  assets: channels.discord.assets,
};

// Interaction callback types.
const CHANNEL_MESSAGE = 4;
const DEFERRED_CHANNEL_MESSAGE = 5;
const MODAL = 9;

function personOf(discordId: string): Person | undefined {
  return (Object.keys(discordIds) as Person[]).find((person) => discordIds[person] === discordId);
}

interface DiscordButton {
  label?: string;
  custom_id?: string;
}

interface MessageLike {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
}

const embedTextKeys = new Set(["title", "description", "name", "value", "text"]);

function visibleText(message: MessageLike): string {
  const content = typeof message.content === "string" && message.content !== "" ? [message.content] : [];
  return [...content, ...textsIn(message.embeds ?? [], embedTextKeys)].join("\n");
}

function buttonsOf(message: MessageLike): DiscordButton[] {
  return ((message.components ?? []) as { components?: DiscordButton[] }[]).flatMap(
    (row) => row.components ?? [],
  );
}

function answerFrom(message: MessageLike): Answer {
  return { text: visibleText(message), buttons: buttonsOf(message).flatMap((b) => b.label ?? []) };
}

function embedTitle(message: FakeMessage): string {
  return String((message.embeds[0] as { title?: string } | undefined)?.title ?? "");
}

/** A modal component as the modal declared it: a Label around one input, or a text display. */
interface ModalComponent {
  type: number;
  component?: {
    type: number;
    custom_id: string;
    value?: string;
    options?: { value: string; default?: boolean }[];
  };
}

interface OpenedModal {
  data: { custom_id: string; title: string; components: ModalComponent[] };
  channelId: string;
  /** The message whose button opened the modal, sent back with the submission. */
  messageId: string | undefined;
}

/** What Discord submits for one Label: its input's custom_id with the typed or picked value. */
function submittedLabel(label: ModalComponent, value: string | undefined): Record<string, unknown> {
  const input = label.component;
  if (!input) return { type: label.type };
  const filled = (() => {
    switch (input.type) {
      case ComponentType.StringSelect:
      case ComponentType.UserSelect:
        return { values: value ? [value] : [] };
      case ComponentType.TextInput:
        return { value: value ?? "" };
      default:
        return { value: value === "true" };
    }
  })();
  return { type: label.type, component: { type: input.type, custom_id: input.custom_id, ...filled } };
}

/** How interactions reach OpsDesk: the gateway, or signed HTTP requests. */
interface Delivery {
  send(spec: InteractionSpec): Promise<SentInteraction>;
  resend(sent: SentInteraction): Promise<void>;
}

function gatewayDelivery(fake: FakeDiscord): Delivery {
  return {
    send: async (spec) => fake.sendInteraction(spec),
    resend: async (sent) => fake.redispatch(sent),
  };
}

function httpDelivery(fake: FakeDiscord, url: string): Delivery {
  return {
    send: async (spec) => {
      const sent = fake.createInteraction(spec);
      const answer = await fake.deliverOverHttp(url, sent);
      if (answer.status !== 200 && answer.status !== 204) {
        throw new Error(`OpsDesk answered the interaction with HTTP ${answer.status}: ${answer.text}`);
      }
      return sent;
    },
    resend: async (sent) => {
      const answer = await fake.deliverOverHttp(url, sent);
      if (answer.status >= 300) throw new Error(`the redelivery was answered HTTP ${answer.status}`);
    },
  };
}

export function startDiscordGatewayDriver(): Promise<ChatDriver> {
  return startDiscordDriver("gateway");
}

export function startDiscordHttpDriver(): Promise<ChatDriver> {
  return startDiscordDriver("http");
}

async function startDiscordDriver(mode: "gateway" | "http"): Promise<ChatDriver> {
  const world: DiscordWorld = await startDiscordWorld(mode);
  const { fake } = world;
  const delivery =
    mode === "gateway"
      ? gatewayDelivery(fake)
      : httpDelivery(fake, `${world.opsdesk.url}/discord/interactions`);
  const modals = new WeakMap<OpenForm, OpenedModal>();
  const sentBy = new Map<Person, SentInteraction[]>();

  async function send(as: Person, spec: InteractionSpec): Promise<SentInteraction> {
    const sent = await delivery.send({ ...spec, user: { id: discordIds[as], username: as } });
    sentBy.set(as, [...(sentBy.get(as) ?? []), sent]);
    return sent;
  }

  function formFrom(modal: OpenedModal): OpenForm {
    const prefill: Record<string, string> = {};
    const fields: string[] = [];
    for (const { component } of modal.data.components) {
      if (!component) continue;
      fields.push(component.custom_id);
      const value = component.value ?? component.options?.find((option) => option.default)?.value;
      if (value !== undefined) prefill[component.custom_id] = value;
    }
    // `f:incident.resolve:INC-7`: the form id is the second part.
    const form: OpenForm = {
      id: modal.data.custom_id.split(":")[1] ?? "",
      title: modal.data.title,
      fields,
      prefill,
    };
    modals.set(form, modal);
    return form;
  }

  /** The first answer (a modal, or a deferred reply and the edit that fills it) to an interaction. */
  async function answerTo(
    sent: SentInteraction,
    where: { channelId: string; messageId?: string },
  ): Promise<{ answer: Answer; messageId: string | undefined; raw: MessageLike }> {
    const first = await fake.waitForInteractionResponse(sent.id, answerTimeoutMs);
    const body = first.body as { data?: Record<string, unknown> };
    if (first.type === MODAL) {
      const modal = { data: body.data as OpenedModal["data"], ...where, messageId: where.messageId };
      return { answer: { text: "", buttons: [], form: formFrom(modal) }, messageId: undefined, raw: {} };
    }
    if (first.type === CHANNEL_MESSAGE) {
      const raw = (body.data ?? {}) as MessageLike;
      return { answer: answerFrom(raw), messageId: first.messageId, raw };
    }
    if (first.type !== DEFERRED_CHANNEL_MESSAGE)
      throw new Error(`unexpected first response type ${first.type}`);
    const edit = await fake.waitForInteractionResponse(sent.id, answerTimeoutMs, "edit-original");
    const raw = edit.body as MessageLike;
    return { answer: answerFrom(raw), messageId: edit.messageId, raw };
  }

  function cardsOf(
    ref: string,
    which: PostedKind = "card",
  ): { channel: DeskChannel; message: FakeMessage }[] {
    return (Object.keys(deskChannels) as DeskChannel[]).flatMap((channel) =>
      fake
        .messagesIn(deskChannels[channel])
        .filter((m) => embedTitle(m).startsWith(titlePrefix(ref, which)))
        .map((message) => ({ channel, message })),
    );
  }

  function cardMessage(
    ref: string,
    which: PostedKind = "card",
  ): { channel: DeskChannel; message: FakeMessage } {
    const found = cardsOf(ref, which)[0];
    if (!found) throw new Error(`no ${which} for ${ref} in the desk's Discord channels`);
    return found;
  }

  function threadOf(ref: string): string[] {
    const thread = cardMessage(ref).message.thread as { id: string } | undefined;
    return thread ? fake.messagesIn(thread.id).map((m) => m.content) : [];
  }

  return {
    name: `discord ${mode}`,
    platform: "discord",
    opsdesk: world.opsdesk,

    async run(as, invocation) {
      const where = { channelId: deskChannels[invocation.channel ?? "incidents"] };
      const sent = await send(
        as,
        slashCommand({
          name: invocation.command,
          subcommand: invocation.subcommand,
          options: invocation.args ?? {},
          channelId: where.channelId,
        }),
      );
      return (await answerTo(sent, where)).answer;
    },

    async openCreateForm(as, name) {
      const where = { channelId: channels.discord.incidents };
      const sent = await send(as, slashCommand({ name, subcommand: "new", channelId: where.channelId }));
      return (await answerTo(sent, where)).answer;
    },

    async raiseFromMessage(as, messageText) {
      const where = { channelId: channels.discord.incidents };
      const message = fake.seedMessage(where.channelId, { content: messageText });
      const sent = await send(
        as,
        messageCommand({ name: "Raise incident", targetMessageId: message.id, channelId: where.channelId }),
      );
      return (await answerTo(sent, where)).answer;
    },

    async click(as, ref, label, on = "card") {
      const { channel, message } = cardMessage(ref, on);
      const button = buttonsOf(message).find((b) => b.label === label);
      if (!button?.custom_id) throw new Error(`the ${on} of ${ref} has no "${label}" button`);
      const where = { channelId: deskChannels[channel], messageId: message.id };
      const sent = await send(as, buttonClick({ customId: button.custom_id, ...where }));
      const first = await answerTo(sent, where);
      // `c:` buttons ask first (Discord buttons have no confirm dialog); answer the question with its button.
      if (!button.custom_id.startsWith("c:")) return first.answer;
      const confirm = buttonsOf(first.raw).find((b) => b.custom_id?.startsWith("a:"));
      if (!confirm?.custom_id || !first.messageId) return first.answer;
      const question = { channelId: deskChannels[channel], messageId: first.messageId };
      const confirmed = await send(as, buttonClick({ customId: confirm.custom_id, ...question }));
      return (await answerTo(confirmed, question)).answer;
    },

    async clickInDirectMessage(as, containing, label) {
      const message = fake
        .directMessagesTo(discordIds[as])
        .filter((m) => m.content.includes(containing))
        .at(-1);
      if (!message) throw new Error(`no direct message to ${as} containing "${containing}"`);
      const button = buttonsOf(message).find((b) => b.label === label);
      if (!button?.custom_id) throw new Error(`the direct message to ${as} has no "${label}" button`);
      const where = { channelId: message.channel_id, messageId: message.id };
      const sent = await send(as, buttonClick({ customId: button.custom_id, ...where }));
      return (await answerTo(sent, where)).answer;
    },

    async submit(as, form, values) {
      const modal = modals.get(form);
      if (!modal) throw new Error(`form ${form.id} did not open on Discord`);
      const components = modal.data.components
        .filter((component) => component.component !== undefined)
        .map((label) =>
          submittedLabel(label, label.component ? values[label.component.custom_id] : undefined),
        );
      const where = {
        channelId: modal.channelId,
        ...(modal.messageId ? { messageId: modal.messageId } : {}),
      };
      const sent = await send(as, {
        type: 5,
        data: { custom_id: modal.data.custom_id, components },
        ...where,
      });
      return (await answerTo(sent, where)).answer;
    },

    async redeliverLast(as) {
      const sent = sentBy.get(as)?.at(-1);
      if (!sent) throw new Error(`${as} has sent nothing to redeliver`);
      await delivery.resend(sent);
    },

    async privateReplies(as) {
      return (sentBy.get(as) ?? []).flatMap((sent) =>
        fake.interactionResponses(sent.id).flatMap((record) => {
          if (record.kind === "edit-original") return [visibleText(record.body as MessageLike)];
          const body = record.body as { type?: number; data?: MessageLike };
          return record.kind === "callback" && body.type === CHANNEL_MESSAGE
            ? [visibleText(body.data ?? {})]
            : [];
        }),
      );
    },

    async directMessages(to) {
      return fake.directMessagesTo(discordIds[to]).map((message) => message.content);
    },

    async channelMessages(channel) {
      return fake.messagesIn(deskChannels[channel]).map((m) => `${m.content}\n${JSON.stringify(m.embeds)}`);
    },

    async images(where) {
      const messages =
        "channel" in where
          ? fake.messagesIn(deskChannels[where.channel])
          : fake.directMessagesTo(discordIds[where.dm]);
      return messages.flatMap((m) =>
        (Array.isArray(m.attachments) ? (m.attachments as Record<string, unknown>[]) : []).map((a) => ({
          filename: String(a.filename),
          altText: String(a.description ?? ""),
          text: m.content,
          png: fake.attachmentBytes(String(a.id)) ?? Buffer.alloc(0),
        })),
      );
    },

    mention: (person) => `<@${discordIds[person]}>`,

    async liveMarkup(where, containing) {
      const messages =
        "channel" in where
          ? fake.messagesIn(deskChannels[where.channel])
          : fake.directMessagesTo(discordIds[where.dm]);
      return messages
        .filter((m) => m.embeds.length === 0 && m.content.includes(containing))
        .map((m) => {
          const sent = fake.calls.find(
            (c) => c.method === "POST" && (c.response as { id?: string } | undefined)?.id === m.id,
          );
          return liveInDiscord(
            m.content,
            (sent?.body as { allowed_mentions?: AllowedMentions })?.allowed_mentions,
          );
        });
    },

    async card(ref, which = "card"): Promise<PostedCard> {
      const { channel, message } = cardMessage(ref, which);
      const embed = (message.embeds[0] ?? {}) as {
        title?: string;
        fields?: { name: string; value: string }[];
      };
      return {
        channel,
        messageId: message.id,
        title: embed.title ?? "",
        fields: Object.fromEntries((embed.fields ?? []).map((field) => [field.name, field.value])),
        buttons: buttonsOf(message).flatMap((b) => b.label ?? []),
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
      const thread = cardMessage(ref).message.thread as { id: string } | undefined;
      if (!thread) return [];
      return fake.messagesIn(thread.id).flatMap((message) => {
        const sent = fake.calls.find(
          (c) => c.method === "POST" && (c.response as { id?: string } | undefined)?.id === message.id,
        );
        return liveInDiscord(
          message.content,
          (sent?.body as { allowed_mentions?: AllowedMentions })?.allowed_mentions,
        );
      });
    },

    async majorRoom(ref): Promise<MajorRoom | undefined> {
      const prefix = `inc-${ref.replace(/^\D+/, "")}-`;
      const created = fake.calls
        .filter((c) => c.method === "POST" && /^\/channels\/\d+\/threads$/.test(c.path) && c.status < 300)
        .map((c) => c.response as { id: string; name: string })
        .find((thread) => thread.name.startsWith(prefix));
      if (!created) return undefined;
      const pinned = fake.messagesIn(created.id).find((m) => m.pinned);
      return {
        name: created.name,
        members: fake.threadMembers(created.id).flatMap((id) => personOf(id) ?? []),
        pinned: pinned ? visibleText(pinned) : undefined,
        linkedFromCardThread: threadOf(ref).some((line) => line.includes(`<#${created.id}>`)),
      };
    },

    settle: world.settle,
    close: world.close,
  };
}
