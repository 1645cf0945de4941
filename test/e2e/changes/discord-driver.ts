import { expect } from "vitest";
import { buttonClick, modalSubmit, slashCommand } from "../../fakes/discord/index.js";
import type { FakeMessage } from "../../fakes/discord/types.js";
import { channels, people } from "../../support/desk-config.js";
import type { DiscordWorld } from "../../support/discord-world.js";
import type { ChangeDriver, ChangeMessage, PersonKey } from "./driver.js";

const changeChannels = [channels.discord.approvals, channels.discord.payments];

function title(message: FakeMessage): string {
  return String((message.embeds[0] as { title?: string } | undefined)?.title ?? "");
}

function isOn(text: string, ref: string, on: ChangeMessage): boolean {
  return on === "approval" ? text.startsWith(`Approval needed · ${ref} ·`) : text.startsWith(`${ref} ·`);
}

export function discordChangeDriver(world: DiscordWorld): ChangeDriver {
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
  const send = async (
    spec: Parameters<typeof world.fake.sendInteraction>[0],
    as: PersonKey,
  ): Promise<string> => {
    world.actAs(people[as].discord, as);
    const sent = world.fake.sendInteraction(spec);
    const first = await world.fake.waitForInteractionResponse(sent.id);
    const body = first.body as { data?: { custom_id?: string; flags?: number } };
    if (first.type === 9) {
      const customId = String(body.data?.custom_id ?? "");
      openForms.set(as, customId);
      return `form:${customId.split(":")[1] ?? ""}`;
    }
    expect(first.type).toBe(5);
    expect(body.data?.flags).toBe(64);
    const edit = await world.fake.waitForInteractionResponse(sent.id, 5_000, "edit-original");
    await world.settle();
    const message = edit.body as { content?: string; embeds?: unknown[] };
    return `${message.content ?? ""}\n${JSON.stringify(message.embeds ?? [])}`;
  };

  return {
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
    directMessages: (to) => world.fake.directMessagesTo(people[to].discord).map((message) => message.content),
    settle: () => world.settle(),
  };
}
