import { Client, Events } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient } from "../../fakes/discord/client-harness.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";

describe("GIVEN a fake Discord and the real discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client | undefined;

  beforeEach(async () => {
    fake = await startFakeDiscord({
      channels: [
        { id: "1200000000000000001", name: "major-incidents" },
        { id: "1200000000000000002", name: "cab" },
      ],
    });
  });

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  it("THEN the client becomes ready in under 5 s with the guild and its channels cached", async () => {
    const connected = await connectClient(fake);
    client = connected.client;

    expect(connected.readyAfterMs).toBeLessThan(5_000);
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual(["cab", "major-incidents"]);
    const gatewayCall = fake.calls.find((call) => call.path === "/gateway/bot");
    expect(gatewayCall?.authorization).toBe(`Bot ${fake.token}`);
  });

  it("THEN a wrong token is refused with 401 and login rejects", async () => {
    const bad = new Client({ intents: [], rest: { api: fake.restBase } });
    await expect(bad.login("not-the-token")).rejects.toThrow();
    await bad.destroy();
    expect(fake.calls.at(-1)?.status).toBe(401);
  });

  it("THEN op 7 RECONNECT leads to a RESUME of the same session", async () => {
    client = (await connectClient(fake)).client;
    const resumed = new Promise<void>((resolve) => client?.once(Events.ShardResume, () => resolve()));
    fake.requestGatewayReconnect();
    await resumed;
    expect(fake.gatewaySessions).toBe(1);
  });
});

describe("GIVEN a fake Discord with a 50 ms heartbeat interval", () => {
  it("THEN the client's heartbeats are acknowledged and it measures a ping", async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 50 });
    const { client } = await connectClient(fake);
    try {
      await expect.poll(() => client.ws.ping, { timeout: 2_000 }).toBeGreaterThanOrEqual(0);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
