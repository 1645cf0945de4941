// The real discord.js client inside OpsDesk, logged into the local Discord over its gateway.
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
import { channels, people, stranger } from "../../support/desk-config.js";
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

async function statusOf(ref: string): Promise<string | undefined> {
  const incident = await world.opsdesk.database.db.incident.findUnique({
    where: { number: Number(ref.slice(4)) },
  });
  return incident?.status;
}

describe("GIVEN OpsDesk connected to Discord over the gateway", () => {
  it("THEN /incident new with options raises the incident, answers privately and posts the card with buttons", async () => {
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

  it("THEN a bare /incident new opens the create modal, and submitting it raises the incident", async () => {
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

  it("THEN an invalid modal field is named privately and nothing is created", async () => {
    const before = await world.opsdesk.database.db.incident.count();
    const text = await answerTo(modalSubmit({ customId: "f:incident.new", fields: { title: "   " } }));
    expect(text).toContain("title");
    expect(await world.opsdesk.database.db.incident.count()).toBe(before);
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

  it("THEN Acknowledge updates the one card in place and adds a line in its thread", async () => {
    const ref = await raise("Card updates in place");
    const before = cardFor(payments, ref);
    expect(await answerTo(click(ref, "acknowledge"))).toContain(`You acknowledged ${ref}`);
    await world.settle();
    const after = cardFor(payments, ref);
    expect(after.id).toBe(before.id);
    expect(JSON.stringify(after.embeds)).toContain("In progress");
    expect(JSON.stringify(after.components)).not.toContain("incident.acknowledge");
    expect(threadLines(after)).toContain(`Ada Agent acknowledged ${ref}.`);
    expect(world.fake.messagesIn(payments).filter((m) => embedTitle(m).startsWith(`${ref} `))).toHaveLength(
      1,
    );
  });

  it("THEN someone without the agent role is refused privately and nothing changes", async () => {
    const ref = await raise("Refusal case");
    expect(await answerTo(click(ref, "acknowledge"), stranger.discord)).toContain("Only agents");
    expect(await statusOf(ref)).toBe("new");
  });

  it("THEN a double click acknowledges once and the second click is told it was already done", async () => {
    const ref = await raise("Double click");
    world.actAs(people.ada.discord);
    const first = world.fake.sendInteraction(click(ref, "acknowledge"));
    world.actAs(people.otto.discord);
    const second = world.fake.sendInteraction(click(ref, "acknowledge"));
    const answers = await Promise.all([privateText(first.id), privateText(second.id)]);
    expect(answers.filter((a) => a.includes(`You acknowledged ${ref}`))).toHaveLength(1);
    expect(answers.filter((a) => a.includes(`${ref} was already acknowledged`))).toHaveLength(1);
  });

  it("THEN Resolve opens its modal and the submission resolves the incident", async () => {
    const ref = await raise("Needs a resolution");
    await answerTo(click(ref, "acknowledge"));
    await world.settle();
    const { first } = await send(click(ref, "resolve"));
    expect(first.type).toBe(9);
    const customId = String(first.body.data?.custom_id);
    expect(customId).toBe(`f:incident.resolve:${ref}`);
    const text = await answerTo(
      modalSubmit({ customId, fields: { code: "fixed", note: "Restarted the pod" } }),
    );
    expect(text).toContain(`${ref} is resolved`);
    await world.settle();
    expect(JSON.stringify(cardFor(payments, ref).embeds)).toContain("Resolved");
  });

  it("THEN Declare major asks first, then opens a linked thread room with the summary pinned", async () => {
    const ref = await raise("Everything is on fire");
    await answerTo(click(ref, "acknowledge"));
    await world.settle();
    const { id, first } = await send(click(ref, "declare_major", "c"));
    expect(first.type).toBe(5);
    const question = await world.fake.waitForInteractionResponse(id, 5_000, "edit-original");
    expect(JSON.stringify(question.body)).toContain(`a:incident.declare_major:${ref}`);
    expect(await answerTo(click(ref, "declare_major", "a", question.messageId))).toContain(
      `${ref} is now a major incident`,
    );
    await world.settle();
    const number = ref.slice(4);
    const room = findRoom(`inc-${number}-everything-is-on-fire`);
    expect(room).toBeDefined();
    expect(world.fake.messagesIn(room ?? "").some((m) => m.pinned)).toBe(true);
    expect(threadLines(cardFor(payments, ref)).some((line) => line.includes(`<#${room}>`))).toBe(true);
  });

  it("THEN unknown tickets and bad options get a private explanation", async () => {
    expect(
      await answerTo(slashCommand({ name: "incident", subcommand: "show", options: { ref: "INC-99999" } })),
    ).toContain("There is no INC-99999");
    expect(
      await answerTo(
        slashCommand({ name: "incident", subcommand: "new", options: { title: "Broken", impact: "hgih" } }),
      ),
    ).toContain("impact");
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

function findRoom(name: string): string | undefined {
  for (const id of [...world.fake.channelIds, ...threadIds()]) {
    if (world.fake.channel(id)?.name === name) return id;
  }
  return undefined;
}

function threadIds(): string[] {
  return world.fake.calls
    .filter((c) => c.method === "POST" && /^\/channels\/\d+\/threads$/.test(c.path) && c.status < 300)
    .map((c) => String((c.response as { id?: string }).id));
}
