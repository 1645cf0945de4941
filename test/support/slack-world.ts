// OpsDesk running in-process with its real Bolt app, talking to the local Slack over loopback.
import type { RunningOpsDesk } from "../../src/app/start.js";
import type { Clock } from "../../src/kernel/clock.js";
import type { Logger } from "../../src/log.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { SlackRequestSender } from "../fakes/slack/signer.js";
import { channels, people, stranger } from "./desk-config.js";
import { startDesk } from "./desk-world.js";

export const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5";

export interface SlackWorld {
  opsdesk: RunningOpsDesk;
  fake: FakeSlack;
  slack: SlackRequestSender;
  /** Waits until the outbox has nothing left to deliver right now. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackWorld(options: { clock?: Clock; log?: Logger } = {}): Promise<SlackWorld> {
  const fake = await startFakeSlack({
    users: [
      ...Object.values(people).map((p) => ({ id: p.slack, name: p.id, real_name: p.name })),
      { id: stranger.slack, name: "stranger", real_name: "Sam Stranger" },
    ],
    channels: Object.entries(channels.slack).map(([name, id]) => ({ id, name })),
  });
  const desk = await startDesk(
    {
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
    },
    options,
  );
  const slack = new SlackRequestSender({ url: `${desk.opsdesk.url}/slack/events`, signingSecret, fake });
  return {
    opsdesk: desk.opsdesk,
    fake,
    slack,
    settle: desk.settle,
    close: async () => {
      await desk.close();
      await fake.close();
    },
  };
}
