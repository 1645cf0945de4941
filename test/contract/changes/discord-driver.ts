import { expect } from "vitest";
import {
  buttonClick,
  type InteractionSpec,
  modalSubmit,
  postInteraction,
  slashCommand,
} from "../../fakes/discord/index.js";
import type { FakeMessage } from "../../fakes/discord/types.js";
import { channels, people } from "../../support/desk-config.js";
import type { DiscordWorld } from "../../support/discord-world.js";
import { type AllowedMentions, liveInDiscord } from "../support/live-markup.js";
import type { ChangeDriver, ChangeMessage, PersonKey } from "./driver.js";

const changeChannels = [channels.discord.approvals, channels.discord.payments];

function title(message: FakeMessage): string {
  return String((message.embeds[0] as { title?: string } | undefined)?.title ?? "");
}

function isOn(text: string, ref: string, on: ChangeMessage): boolean {
  return on === "approval" ? text.startsWith(`Approval needed · ${ref} ·`) : text.startsWith(`${ref} ·`);
}

export function discordChangeDriver(world: DiscordWorld, mode: "gateway" | "http"): ChangeDriver {
  /** Custom ids of the modals opened per person, so a submission names the form it fills. */
  const openForms = new Map<PersonKey, string>();

  const find = (ref: string, on: ChangeMessage) => {
    for (const channel of changeChannels) {
      const found = world.fake.messagesIn(channel).find((m) => isOn(title(m), ref, on));
      if (found) return { channel, message: found };
    }
    return undefined;
  };

  /** Sends an interaction as `as`; a modal answer is remembered, a deferred one is awaited and returned. */
  const send = async (spec: InteractionSpec, as: PersonKey): Promise<string> => {
    world.actAs(people[as].discord, as);
    const { id, first } = mode === "gateway" ? await overGateway(spec) : await overHttp(spec);
    const body = first.body as { data?: { custom_id?: string; flags?: number } };
    if (first.type === 9) {
      const customId = String(body.data?.custom_id ?? "");
      openForms.set(as, customId);
      return `form:${customId.split(":")[1] ?? ""}`;
    }
    expect(first.type).toBe(5);
    expect(body.data?.flags).toBe(64);
    const edit = await world.fake.waitForInteractionResponse(id, 5_000, "edit-original");
    await world.settle();
    const message = edit.body as { content?: string; embeds?: unknown[] };
    return `${message.content ?? ""}\n${JSON.stringify(message.embeds ?? [])}`;
  };

  const overGateway = async (spec: InteractionSpec) => {
    const sent = world.fake.sendInteraction(spec);
    const first = await world.fake.waitForInteractionResponse(sent.id);
    return { id: sent.id, first: { type: first.type, body: first.body } };
  };

  /**
   * HTTP mode: the first answer is the HTTP response. Discord turns a deferred answer into a reply the app
   * then edits; the fake learns of it only through its callback route, so the driver plays Discord's part
   * (as the HTTP interactions suite does) before posting.
   */
  const overHttp = async (spec: InteractionSpec) => {
    const payload = world.payloadFor(spec);
    const id = String(payload.id);
    await fetch(`${world.fake.restBase}/v10/interactions/${id}/${String(payload.token)}/callback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 5, data: { flags: 64 } }),
    });
    const answer = await postInteraction(`${world.opsdesk.url}/discord/interactions`, payload);
    expect(answer.status).toBe(200);
    const json = answer.json as { type?: number; data?: unknown };
    return { id, first: { type: json.type, body: json } };
  };

  return {
    platform: "discord",
    opsdesk: world.opsdesk,
    command: (subcommand, args, as) =>
      send(
        slashCommand({
          name: "change",
          subcommand,
          options: { ...args },
          channelId: channels.discord.approvals,
        }),
        as,
      ),
    async openCreateForm(as) {
      const answer = await send(
        slashCommand({ name: "change", subcommand: "new", channelId: channels.discord.approvals }),
        as,
      );
      return answer.replace(/^form:/, "");
    },
    async click(ref, action, as, on) {
      const found = find(ref, on);
      if (!found) throw new Error(`no ${on} message for ${ref}`);
      return send(
        buttonClick({
          customId: `a:change.${action}:${ref}`,
          channelId: found.channel,
          messageId: found.message.id,
        }),
        as,
      );
    },
    async submitForm(formId, values, as) {
      const customId = openForms.get(as);
      if (!customId?.startsWith(`f:${formId}`)) throw new Error(`no open ${formId} form for ${as}`);
      return send(
        modalSubmit({ customId, fields: { ...values }, channelId: channels.discord.approvals }),
        as,
      );
    },
    message(ref, on) {
      const found = find(ref, on);
      return found
        ? `${title(found.message)}\n${JSON.stringify(found.message.embeds)}\n${JSON.stringify(found.message.components)}`
        : undefined;
    },
    approvalsChannel: () =>
      world.fake
        .messagesIn(channels.discord.approvals)
        .map((m) => `${m.content}\n${JSON.stringify(m.embeds)}`),
    mention: (person) => `<@${people[person].discord}>`,
    directMessages: (to) => world.fake.directMessagesTo(people[to].discord).map((message) => message.content),
    liveMarkup(where, containing) {
      const messages =
        "channel" in where
          ? world.fake.messagesIn(channels.discord.approvals)
          : world.fake.directMessagesTo(people[where.dm].discord);
      return messages
        .filter((m) => m.embeds.length === 0 && m.content.includes(containing))
        .map((m) => {
          const sent = world.fake.calls.find(
            (c) => c.method === "POST" && (c.response as { id?: string } | undefined)?.id === m.id,
          );
          return liveInDiscord(
            m.content,
            (sent?.body as { allowed_mentions?: AllowedMentions })?.allowed_mentions,
          );
        });
    },
    settle: () => world.settle(),
  };
}
