// OpsDesk in Discord's HTTP interactions mode: signed requests to POST /discord/interactions, the deferred
// answers edited over REST on the local Discord.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postInteraction, slashCommand } from "../../fakes/discord/index.js";
import { channels, people } from "../../support/desk-config.js";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";

let world: DiscordWorld;
let url: string;
beforeAll(async () => {
  world = await startDiscordWorld("http");
  url = `${world.opsdesk.url}/discord/interactions`;
});
afterAll(async () => {
  await world?.close();
});

const payments = channels.discord.payments;

describe("GIVEN OpsDesk receiving Discord interactions over HTTP", () => {
  it("THEN a PING is answered with a PONG", async () => {
    const answer = await postInteraction(url, { id: "1", type: 1, application_id: world.fake.applicationId });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 1 });
  });

  it("THEN a bad signature is refused with 401", async () => {
    const answer = await postInteraction(url, { id: "1", type: 1 }, { badSignature: true });
    expect(answer.status).toBe(401);
  });

  it("THEN timestamps more than five minutes in the past or in the future are refused with 401", async () => {
    for (const timestampSkewSec of [301, -301, 3600]) {
      const answer = await postInteraction(url, { id: "1", type: 1 }, { timestampSkewSec });
      expect(answer.status).toBe(401);
    }
  });

  it("THEN a command is answered in the HTTP response with a private deferral, and the reply is edited over REST", async () => {
    const sent = world.fake.createInteraction({
      ...slashCommand({
        name: "incident",
        subcommand: "new",
        options: { title: "Over HTTP", service: "payments" },
        channelId: payments,
      }),
      user: { id: people.rita.discord, username: "rita" },
    });
    const answer = await world.fake.deliverOverHttp(url, sent);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await world.fake.waitForInteractionResponse(sent.id, 5_000, "edit-original");
    expect(String((edit.body as { content?: string }).content)).toMatch(/INC-\d+ is raised/);
  });

  it("THEN an interaction delivered again acts once and leaves the first answer alone", async () => {
    const sent = world.fake.createInteraction({
      ...slashCommand({ name: "incident", subcommand: "new", options: { title: "Posted twice over HTTP" } }),
      user: { id: people.rita.discord, username: "rita" },
    });
    await world.fake.deliverOverHttp(url, sent);
    await world.fake.waitForInteractionResponse(sent.id, 5_000, "edit-original");
    const again = await world.fake.deliverOverHttp(url, sent);
    expect(again.status).toBe(200);
    await world.settle();
    expect(
      await world.opsdesk.database.db.incident.count({ where: { title: "Posted twice over HTTP" } }),
    ).toBe(1);
    const edits = world.fake
      .interactionResponses(sent.id)
      .filter((response) => response.kind === "edit-original");
    expect(edits.map((edit) => String((edit.body as { content?: string }).content))).toEqual([
      expect.stringMatching(/INC-\d+ is raised/),
    ]);
  });
});

describe("GIVEN OpsDesk on Discord over HTTP receiving a burst of interactions", () => {
  // Interaction responses are not bound by the bot's global rate limit (50 requests per second), so
  // nothing on OpsDesk's side may hold them back or drop them for it. The local Discord's clock stands
  // still here: this is about answers being dropped, not about how fast a loaded machine gives them.
  let burstWorld: DiscordWorld;
  let burstUrl: string;
  beforeAll(async () => {
    const frozen = Date.now();
    burstWorld = await startDiscordWorld("http", { discordNow: () => frozen });
    burstUrl = `${burstWorld.opsdesk.url}/discord/interactions`;
  });
  afterAll(async () => {
    await burstWorld?.close();
  });

  it("THEN in a burst of more requests than Discord's global limit per second every person still gets their answer", async () => {
    const burst = Array.from({ length: 60 }, (_, i) =>
      burstWorld.fake.createInteraction({
        ...slashCommand({
          name: "incident",
          subcommand: "new",
          options: { title: `Burst ${i}`, service: "payments" },
        }),
        user: { id: people.rita.discord, username: "rita" },
      }),
    );
    await Promise.all(burst.map((sent) => burstWorld.fake.deliverOverHttp(burstUrl, sent)));
    // 60 incidents are real work (about 2-3 s of CPU on these machines, more beside another test file):
    // the wait is for every answer to arrive, not a speed check (bench/ measures speed).
    const answers = await Promise.all(
      burst.map((sent) => burstWorld.fake.waitForInteractionResponse(sent.id, 25_000, "edit-original")),
    );
    expect(answers.map((edit) => String((edit.body as { content?: string }).content))).toEqual(
      burst.map((_, i) =>
        expect.stringMatching(new RegExp(`INC-\\d+ is raised with priority P\\d: Burst ${i}$`)),
      ),
    );
  }, 40_000);
});
