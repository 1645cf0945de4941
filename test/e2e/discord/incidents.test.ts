// The real discord.js client inside OpsDesk, logged into the local Discord over its gateway. The incident
// scenarios themselves run in the contract suite (test/contract) on every platform; this file keeps Discord's
// own rules: a private deferral first (then an edit), a modal as the first answer, the confirmation question
// that stands in for a confirm dialog, jump links, autocomplete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  autocomplete,
  buttonClick,
  type InteractionSpec,
  messageCommand,
  modalSubmit,
  slashCommand,
} from "../../fakes/discord/index.js";
import type { FakeMessage } from "../../fakes/discord/types.js";
import { channels, people } from "../../support/desk-config.js";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";

let world: DiscordWorld;
beforeAll(async () => {
  world = await startDiscordWorld("gateway");
});
afterAll(async () => {
  await world?.close();
});

const payments = channels.discord.payments;

interface Answer {
  type: number | undefined;
  body: { type?: number; data?: Record<string, unknown> };
}

/** Sends an interaction and returns Discord's record of the first (callback) response. */
async function send(
  spec: InteractionSpec,
  as: string = people.ada.discord,
): Promise<{ id: string; first: Answer }> {
  world.actAs(as);
  const sent = world.fake.sendInteraction(spec);
  const first = await world.fake.waitForInteractionResponse(sent.id);
  return { id: sent.id, first: { type: first.type, body: first.body as Answer["body"] } };
}

/** The private answer that replaced the deferred reply. */
async function privateText(id: string): Promise<string> {
  const edit = await world.fake.waitForInteractionResponse(id, 5_000, "edit-original");
  return String((edit.body as { content?: string }).content ?? "");
}

async function answerTo(spec: InteractionSpec, as?: string): Promise<string> {
  const { id, first } = await send(spec, as);
  expect(first.type).toBe(5);
  expect(first.body.data?.flags).toBe(64);
  return privateText(id);
}

function embedTitle(message: FakeMessage): string {
  return String((message.embeds[0] as { title?: string } | undefined)?.title ?? "");
}

function cardFor(channel: string, ref: string): FakeMessage {
  const card = world.fake.messagesIn(channel).find((m) => embedTitle(m).startsWith(`${ref} `));
  if (!card) throw new Error(`no card for ${ref} in ${channel}`);
  return card;
}

function threadLines(card: FakeMessage): string[] {
  const thread = card.thread as { id: string } | undefined;
  return thread ? world.fake.messagesIn(thread.id).map((m) => m.content) : [];
}

async function raise(title: string, as: string = people.rita.discord): Promise<string> {
  const text = await answerTo(
    slashCommand({
      name: "incident",
      subcommand: "new",
      options: { title, service: "payments" },
      channelId: payments,
    }),
    as,
  );
  const ref = /INC-\d+/.exec(text)?.[0];
  if (!ref) throw new Error(`no incident raised: ${text}`);
  await world.settle();
  return ref;
}

/** A click on the card's button; the message is named so the fake need not search for the component. */
function click(ref: string, action: string, scheme: "a" | "c" = "a", messageId?: string): InteractionSpec {
  return buttonClick({
    customId: `${scheme}:incident.${action}:${ref}`,
    channelId: payments,
    messageId: messageId ?? cardFor(payments, ref).id,
  });
}

describe("GIVEN OpsDesk connected to Discord over the gateway", () => {
  it("THEN a command is answered first with a private deferral, then that reply is edited; card buttons carry their action and ticket", async () => {
    const text = await answerTo(
      slashCommand({
        name: "incident",
        subcommand: "new",
        options: { title: "Payments API is down", impact: "high", urgency: "high", service: "payments" },
        channelId: payments,
      }),
      people.rita.discord,
    );
    expect(text).toMatch(/INC-\d+ is raised with priority P1: Payments API is down/);
    const ref = /INC-\d+/.exec(text)?.[0] ?? "";
    await world.settle();
    const card = cardFor(payments, ref);
    expect(JSON.stringify(card.components)).toContain(`a:incident.acknowledge:${ref}`);
    expect(JSON.stringify(card.components)).toContain(`c:incident.declare_major:${ref}`);
    expect(threadLines(card).join("\n")).toContain(`raised ${ref}`);
  });

  it("THEN a bare /incident new answers with the create modal as its first response", async () => {
    const { id, first } = await send(
      slashCommand({ name: "incident", subcommand: "new" }),
      people.rita.discord,
    );
    expect(first.type).toBe(9);
    const customId = String(first.body.data?.custom_id);
    expect(customId).toMatch(/^f:incident\.new/);
    expect(id).toBeTruthy();
    const text = await answerTo(
      modalSubmit({ customId, fields: { title: "Login page blank", impact: "high", urgency: "low" } }),
      people.rita.discord,
    );
    expect(text).toMatch(/INC-\d+ is raised with priority P3: Login page blank/);
  });

  it("THEN Raise incident on a message opens the form prefilled with the message and a jump link", async () => {
    const message = world.fake.seedMessage(channels.discord.incidents, {
      content: "Checkout returns 502 since 10:02",
    });
    const { first } = await send(
      messageCommand({
        name: "Raise incident",
        targetMessageId: message.id,
        channelId: channels.discord.incidents,
      }),
    );
    expect(first.type).toBe(9);
    const modal = JSON.stringify(first.body.data);
    expect(modal).toContain("Checkout returns 502 since 10:02");
    expect(modal).toContain(
      `https://discord.com/channels/${world.fake.guildId}/${channels.discord.incidents}/${message.id}`,
    );
  });

  it("THEN Declare major asks first, privately, and nothing happens until the question's button is clicked", async () => {
    const ref = await raise("Asks before it alerts");
    const { id, first } = await send(click(ref, "declare_major", "c"));
    expect(first.type).toBe(5);
    expect(first.body.data?.flags).toBe(64);
    const question = await world.fake.waitForInteractionResponse(id, 5_000, "edit-original");
    expect(JSON.stringify(question.body)).toContain("Declare a major incident?");
    expect(JSON.stringify(question.body)).toContain(`a:incident.declare_major:${ref}`);
    await world.settle();
    const incident = await world.opsdesk.database.db.incident.findUniqueOrThrow({
      where: { number: Number(ref.slice(4)) },
    });
    expect(incident.major).toBe(false);
  });
  it("THEN without the Pin Messages permission, Declare major still opens the room and links it; the room says which permission to grant", async () => {
    // Bots need PIN_MESSAGES to pin since 2026-02-23
    // (https://discord.com/developers/docs/change-log#pin-permission-split): a guild that has not granted it
    // must still get its room.
    world.fake.setBotCanPin(false);
    try {
      const ref = await raise("Pins are not allowed here");
      expect(await answerTo(click(ref, "acknowledge"))).toContain(`You acknowledged ${ref}`);
      const { id } = await send(click(ref, "declare_major", "c"));
      const question = await world.fake.waitForInteractionResponse(id, 5_000, "edit-original");
      const confirm = buttonClick({
        customId: `a:incident.declare_major:${ref}`,
        channelId: payments,
        messageId: String(question.messageId),
      });
      expect(await answerTo(confirm)).toContain(`${ref} is now a major incident.`);
      await world.settle();
      const room = world.fake.channelNamed(`inc-${ref.slice(4)}-pins-are-not-allowed-here`);
      if (!room) throw new Error(`no room for ${ref}`);
      const inRoom = world.fake.messagesIn(room.id);
      expect(embedTitle(inRoom[0] as FakeMessage)).toBe(`${ref} · Pins are not allowed here`);
      expect(inRoom.some((message) => message.pinned)).toBe(false);
      expect(inRoom.map((message) => message.content)).toContainEqual(
        expect.stringContaining("give the OpsDesk bot the Pin Messages permission"),
      );
      expect(threadLines(cardFor(payments, ref))).toContainEqual(`Major incident room: <#${room.id}>`);
      const pins = world.fake.calls.filter((call) => call.method === "PUT" && call.path.includes("pins"));
      expect(pins.map((call) => [call.path.includes("/messages/pins/"), call.status])).toEqual([[true, 403]]);
      const dead = await world.opsdesk.database.db.outboxMessage.count({ where: { status: "dead" } });
      expect(dead).toBe(0);
    } finally {
      world.fake.setBotCanPin(true);
    }
  });

  it("THEN autocomplete suggests services and open tickets, at most 25", async () => {
    const services = await send(
      autocomplete({
        name: "incident",
        subcommand: "new",
        options: { title: "x" },
        focused: { name: "service", value: "pay" },
      }),
    );
    expect(services.first.type).toBe(8);
    expect(services.first.body.data?.choices).toEqual([
      { name: "Payments API (payments)", value: "payments" },
    ]);
    const ref = await raise("Autocomplete me");
    const tickets = await send(
      autocomplete({ name: "incident", subcommand: "show", focused: { name: "ref", value: "INC-" } }),
    );
    const choices = tickets.first.body.data?.choices as { value: string }[];
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain(ref);
  });
});
