// A request that carries Slack's valid signature but a body Slack would never send (a broken integration, a
// leaked signing secret, a proxy that mangles bodies) is refused with 400 and one log line, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels, people } from "../../support/desk-config.js";
import { type CapturedLog, captureLog } from "../../support/log-lines.js";
import { type SlackWorld, startSlackWorld } from "../../support/slack-world.js";

let world: SlackWorld;
let captured: CapturedLog;
beforeAll(async () => {
  captured = captureLog();
  world = await startSlackWorld({ log: captured.log });
});
afterAll(async () => {
  await world?.close();
});

const payload = (value: unknown) => new URLSearchParams({ payload: JSON.stringify(value) }).toString();
const broken: Record<string, [body: string, contentType?: string]> = {
  "payload= that is not JSON": [new URLSearchParams({ payload: "{not json" }).toString()],
  "payload= that is JSON but not an object": [payload([1, 2, 3])],
  "a button click without its user": [
    payload({ type: "block_actions", actions: [{ action_id: "incident.acknowledge", value: "INC-1" }] }),
  ],
  "a button click without its actions": [payload({ type: "block_actions", user: { id: people.ada.slack } })],
  "a form submission without its view": [
    payload({ type: "view_submission", user: { id: people.ada.slack } }),
  ],
  "a slash command without the user": [new URLSearchParams({ command: "/incident", text: "x" }).toString()],
  "an event body that is not an object": ["null", "application/json"],
  "an event callback without its event": [
    JSON.stringify({ type: "event_callback", team_id: "T1" }),
    "application/json",
  ],
};

describe("GIVEN signed Slack requests whose bodies are not what Slack sends", () => {
  for (const [name, [body, contentType]] of Object.entries(broken)) {
    it(`WHEN it is ${name} THEN the answer is 400 and the log says why`, async () => {
      const before = captured.lines().length;
      const answer = await world.slack.signed(body, contentType);
      expect(answer.status).toBe(400);
      const lines = captured.lines().slice(before);
      expect(lines.filter((line) => line.msg === "refused a malformed chat request")).toHaveLength(1);
      expect(lines.find((line) => line.msg === "refused a malformed chat request")).toMatchObject({
        platform: "slack",
        level: 40,
      });
      expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    });
  }

  it("THEN a well-formed command still works after them", async () => {
    const answer = await world.slack.command({
      command: "/incident",
      text: "help",
      userId: people.ada.slack,
      channelId: channels.slack.incidents,
    });
    expect(answer.status).toBe(200);
  });
});
