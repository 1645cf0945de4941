import {
  ApplicationCommandOptionType,
  ChannelType,
  type Client,
  DiscordAPIError,
  EmbedBuilder,
  RESTEvents,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type TextChannel,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient } from "../../fakes/discord/client-harness.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";

describe("GIVEN a discord.js client talking REST to the fake", () => {
  let fake: FakeDiscord;
  let client: Client;
  let channel: TextChannel;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    client = (await connectClient(fake)).client;
    const fetched = await client.channels.fetch(fake.channelIds[0] ?? "");
    if (!fetched || fetched.type !== ChannelType.GuildText)
      throw new Error("seeded channel is not a text channel");
    channel = fetched;
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  describe("WHEN the bot sends embeds totalling more than 6000 characters", () => {
    it("THEN Discord's 50035 Invalid Form Body comes back and nothing is posted", async () => {
      const embeds = [1, 2].map((n) =>
        new EmbedBuilder().setTitle(`Part ${n}`).setDescription("x".repeat(3_500)),
      );

      const failure = await channel.send({ embeds }).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(DiscordAPIError);
      expect(failure).toMatchObject({ code: 50035, status: 400 });
      const recorded = fake.calls.at(-1);
      expect(recorded?.response).toMatchObject({
        code: 50035,
        message: "Invalid Form Body",
        errors: { embeds: { _errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED" }] } },
      });
      expect(fake.messagesIn(channel.id)).toEqual([]);
    });
  });

  describe("WHEN the bot breaks per-field limits", () => {
    it("THEN each offending field is named in the nested error shape", async () => {
      const failure = await channel
        .send({
          content: "y".repeat(2_001),
          components: [
            {
              type: 1,
              components: [{ type: 2, style: 1, custom_id: "c".repeat(101), label: "l".repeat(81) }],
            },
          ],
        })
        .catch((error: unknown) => error);

      expect(failure).toMatchObject({ code: 50035 });
      expect(fake.calls.at(-1)?.response).toMatchObject({
        errors: {
          content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] },
          components: { "0": { components: { "0": { custom_id: {}, label: {} } } } },
        },
      });
    });
  });

  describe("WHEN a route is rate limited once", () => {
    it("THEN discord.js receives 429, waits retry_after and the retry succeeds", async () => {
      fake.rateLimit("POST /channels/:id/messages", { times: 1, retryAfterSec: 0.2 });
      const limited: number[] = [];
      client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info.retryAfter));

      const started = Date.now();
      const message = await channel.send("INC-9 status: investigating");

      const attempts = fake.calls.filter((call) => call.method === "POST" && call.path.endsWith("/messages"));
      expect(attempts.map((call) => call.status)).toEqual([429, 200]);
      expect(attempts[0]?.response).toMatchObject({ retry_after: 0.2, global: false });
      expect(limited).toHaveLength(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect(fake.message(message.id)?.content).toBe("INC-9 status: investigating");
    });
  });

  describe("WHEN the next call fails with a 500", () => {
    it("THEN discord.js retries and the message is posted once", async () => {
      fake.failNext("POST /channels/*/messages", { status: 500 });

      await channel.send("after a hiccup");

      const statuses = fake.calls
        .filter((call) => call.path.endsWith("/messages"))
        .map((call) => call.status);
      expect(statuses).toEqual([500, 200]);
      expect(fake.messagesIn(channel.id)).toHaveLength(1);
    });
  });

  describe("WHEN the bot edits, pins and threads a message and creates a channel", () => {
    it("THEN the fake's state reflects each change", async () => {
      const message = await channel.send("INC-4 opened");
      await message.edit("INC-4 resolved");
      await message.pin();
      const thread = await message.startThread({ name: "INC-4 war room" });
      await thread.members.add(fake.userId);
      await thread.send("timeline starts here");
      const created = await channel.guild.channels.create({ name: "inc-5", type: ChannelType.GuildText });
      // discord.js always sends `type` (public by default); Discord itself defaults to private.
      const privateThread = await channel.threads.create({
        name: "private triage",
        type: ChannelType.PrivateThread,
      });

      const stored = fake.message(message.id);
      expect(stored?.content).toBe("INC-4 resolved");
      expect(stored?.edited_timestamp).not.toBeNull();
      expect(stored?.pinned).toBe(true);
      // A thread started from a message shares the message's id.
      expect(thread.id).toBe(message.id);
      expect(fake.messagesIn(thread.id).map((m) => m.content)).toEqual(["timeline starts here"]);
      expect(fake.channel(created.id)?.name).toBe("inc-5");
      expect(fake.channel(privateThread.id)?.type).toBe(ChannelType.PrivateThread);
      const pinCall = fake.calls.find((call) => call.method === "PUT" && call.path.includes("pins"));
      expect(pinCall?.path).toBe(`/channels/${channel.id}/messages/pins/${message.id}`);
      expect(pinCall?.status).toBe(204);
    });
  });

  // Pin rules: https://discord.com/developers/docs/resources/message#pin-message (the current route) and
  // https://discord.com/developers/docs/change-log#pin-permission-split (PIN_MESSAGES needed since 2026-02-23).
  describe("WHEN the bot pins through the deprecated /channels/{id}/pins/{id} route", () => {
    it("THEN the fake refuses it as an unknown route and the message stays unpinned", async () => {
      const message = await channel.send("INC-6 summary");
      const failure = await client.rest
        .put(`/channels/${channel.id}/pins/${message.id}`)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DiscordAPIError);
      expect((failure as DiscordAPIError).status).toBe(404);
      expect(fake.message(message.id)?.pinned).toBe(false);
    });
  });

  describe("WHEN the bot lacks PIN_MESSAGES and pins through the current route", () => {
    it("THEN Discord's 403 Missing Permissions (50013) comes back and the message stays unpinned", async () => {
      const message = await channel.send("INC-7 summary");
      fake.setBotCanPin(false);
      const failure = await message.pin().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DiscordAPIError);
      expect((failure as DiscordAPIError).status).toBe(403);
      expect((failure as DiscordAPIError).code).toBe(50013);
      expect(fake.message(message.id)?.pinned).toBe(false);

      fake.setBotCanPin(true);
      await message.pin();
      expect(fake.message(message.id)?.pinned).toBe(true);
      expect(fake.calls.filter((call) => call.path.includes("/messages/pins/")).map((c) => c.status)).toEqual(
        [403, 204],
      );
    });
  });

  describe("WHEN the bot bulk-overwrites global and guild commands", () => {
    it("THEN the commands are stored with ids, and ids survive a second overwrite", async () => {
      const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
        name: "incident",
        description: "Work with incidents",
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: "open",
            description: "Open an incident",
            options: [
              {
                type: ApplicationCommandOptionType.String,
                name: "title",
                description: "Title",
                required: true,
              },
            ],
          },
        ],
      };

      const first = await client.application?.commands.set([definition]);
      const again = await client.application?.commands.set([definition]);
      await client.guilds.cache.get(fake.guildId)?.commands.set([{ name: "cab", description: "CAB agenda" }]);

      expect(fake.commands().map((command) => command.name)).toEqual(["incident"]);
      expect(first?.first()?.id).toBe(again?.first()?.id);
      expect(fake.commands(fake.guildId).map((command) => command.name)).toEqual(["cab"]);
    });

    it("THEN an upper-case name or a 101-character description is rejected with 50035", async () => {
      const failure = await client.application?.commands
        .set([{ name: "Incident", description: "d".repeat(101) }])
        .catch((error: unknown) => error);

      expect(failure).toMatchObject({ code: 50035 });
      expect(fake.calls.at(-1)?.response).toMatchObject({
        errors: { "0": { name: {}, description: { _errors: [{ code: "BASE_TYPE_BAD_LENGTH" }] } } },
      });
      expect(fake.commands()).toEqual([]);
    });
  });
});

describe("GIVEN a fake Discord and a plain HTTP caller", () => {
  let fake: FakeDiscord;

  beforeEach(async () => {
    fake = await startFakeDiscord();
  });

  afterEach(async () => {
    await fake.close();
  });

  it("THEN a call without `Authorization: Bot <token>` gets 401", async () => {
    const response = await fetch(`${fake.restBase}/v10/users/@me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("THEN GET /gateway/bot returns the gateway URL and a session start limit", async () => {
    const response = await fetch(`${fake.restBase}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(response.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{32}$/);
    expect(await response.json()).toMatchObject({
      url: fake.gatewayUrl,
      shards: 1,
      session_start_limit: { remaining: 999 },
    });
  });

  it("THEN a 429 carries the X-RateLimit headers discord.js reads", async () => {
    fake.rateLimit((call) => call.path === "/users/@me", { retryAfterSec: 1.5 });
    const response = await fetch(`${fake.restBase}/v10/users/@me`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-reset-after")).toBe("1.500");
    expect(response.headers.get("x-ratelimit-scope")).toBe("user");
    expect(await response.json()).toEqual({
      message: "You are being rate limited.",
      retry_after: 1.5,
      global: false,
    });
  });

  it("THEN a multipart message keeps its payload_json body and file metadata", async () => {
    const channelId = fake.channelIds[0] ?? "";
    const form = new FormData();
    form.append("payload_json", JSON.stringify({ content: "log attached" }));
    form.append("files[0]", new Blob(["boom"], { type: "text/plain" }), "error.log");
    const response = await fetch(`${fake.restBase}/v10/channels/${channelId}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${fake.token}` },
      body: form,
    });
    expect(response.status).toBe(200);
    expect(fake.calls.at(-1)).toMatchObject({
      body: { content: "log attached" },
      files: [{ field: "files[0]", filename: "error.log", size: 4 }],
    });
  });
});
