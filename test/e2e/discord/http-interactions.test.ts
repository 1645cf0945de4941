// OpsDesk in Discord's HTTP interactions mode: signed requests to POST /discord/interactions, the deferred
// answers edited over REST on the local Discord.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buttonClick,
  type InteractionSpec,
  postInteraction,
  slashCommand,
} from "../../fakes/discord/index.js";
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

/**
 * Posts a signed interaction. Discord turns a deferred HTTP answer into a "thinking…" message that the
 * app then edits; the fake only learns of it through its callback route, so the test plays Discord's part
 * first (registering the deferred reply) and then checks OpsDesk answered the same way.
 */
async function interact(spec: InteractionSpec, as: string = people.ada.discord): Promise<string> {
  world.actAs(as);
  const payload = world.payloadFor(spec);
  const id = String(payload.id);
  await fetch(`${world.fake.restBase}/v10/interactions/${id}/${String(payload.token)}/callback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: 5, data: { flags: 64 } }),
  });
  const answer = await postInteraction(url, payload);
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual({ type: 5, data: { flags: 64 } });
  const edit = await world.fake.waitForInteractionResponse(id, 5_000, "edit-original");
  return String((edit.body as { content?: string }).content ?? "");
}

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

  it("THEN /incident new raises the incident and Acknowledge on its card works", async () => {
    const raised = await interact(
      slashCommand({
        name: "incident",
        subcommand: "new",
        options: { title: "Over HTTP", service: "payments" },
        channelId: payments,
      }),
      people.rita.discord,
    );
    const ref = /INC-\d+/.exec(raised)?.[0] ?? "";
    expect(raised).toContain(`${ref} is raised`);
    await world.settle();
    const card = world.fake
      .messagesIn(payments)
      .find((m) => JSON.stringify(m.embeds).includes(`${ref} · Over HTTP`));
    expect(card).toBeDefined();
    const acked = await interact(
      buttonClick({
        customId: `a:incident.acknowledge:${ref}`,
        channelId: payments,
        messageId: card?.id ?? "",
      }),
    );
    expect(acked).toContain(`You acknowledged ${ref}`);
    await world.settle();
    expect(JSON.stringify(world.fake.message(card?.id ?? "")?.embeds)).toContain("In progress");
  });
});
