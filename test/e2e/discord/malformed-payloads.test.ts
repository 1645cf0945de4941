// A request that carries Discord's valid signature but a body that is not an interaction is refused with
// 400 and one log line, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postInteraction, postSignedBody } from "../../fakes/discord/index.js";
import { people } from "../../support/desk-config.js";
import { type DiscordWorld, startDiscordWorld } from "../../support/discord-world.js";
import { type CapturedLog, captureLog } from "../../support/log-lines.js";

let world: DiscordWorld;
let captured: CapturedLog;
let url: string;
beforeAll(async () => {
  captured = captureLog();
  world = await startDiscordWorld("http", { log: captured.log });
  url = `${world.opsdesk.url}/discord/interactions`;
});
afterAll(async () => {
  await world?.close();
});

const user = { id: people.ada.discord, username: "ada" };
const broken: Record<string, string> = {
  "not JSON": "{not json",
  "JSON null": "null",
  "a JSON array": "[1,2]",
  "an object without a type": JSON.stringify({ id: "1", token: "t" }),
  "a slash command without data": JSON.stringify({ id: "1", type: 2, token: "t", application_id: "9", user }),
  "a button click without its user": JSON.stringify({
    id: "1",
    type: 3,
    token: "t",
    application_id: "9",
    data: { component_type: 2, custom_id: "incident.acknowledge:INC-1" },
  }),
  "a form submission without its token": JSON.stringify({
    id: "1",
    type: 5,
    application_id: "9",
    data: {},
    user,
  }),
};

describe("GIVEN signed Discord HTTP interactions whose bodies are not interactions", () => {
  for (const [name, body] of Object.entries(broken)) {
    it(`WHEN it is ${name} THEN the answer is 400 and the log says why`, async () => {
      const before = captured.lines().length;
      const answer = await postSignedBody(url, body);
      expect(answer.status).toBe(400);
      const lines = captured.lines().slice(before);
      const refusals = lines.filter((line) => line.msg === "refused a malformed chat request");
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatchObject({ platform: "discord", level: 40 });
      expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    });
  }

  it("THEN a PING still gets its PONG after them", async () => {
    const answer = await postInteraction(url, { id: "1", type: 1, application_id: world.fake.applicationId });
    expect(answer.json).toEqual({ type: 1 });
  });
});
