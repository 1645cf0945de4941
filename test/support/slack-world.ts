// OpsDesk running in-process with its real Bolt app, talking to the local Slack over loopback.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { type RunningOpsDesk, startOpsDesk } from "../../src/app/start.js";
import { loadEnv } from "../../src/config/env.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack/server.js";
import { SlackRequestSender } from "../fakes/slack/signer.js";
import { channels, deskConfigYaml, people, stranger } from "./desk-config.js";
import { freePort } from "./process.js";

export const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5";

export interface SlackWorld {
  opsdesk: RunningOpsDesk;
  fake: FakeSlack;
  slack: SlackRequestSender;
  /** Waits until the outbox has nothing left to deliver right now. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlackWorld(): Promise<SlackWorld> {
  const dir = mkdtempSync(join(tmpdir(), "opsdesk-slack-"));
  const configPath = join(dir, "opsdesk.yaml");
  writeFileSync(configPath, deskConfigYaml);
  const fake = await startFakeSlack({
    users: [
      ...Object.values(people).map((p) => ({ id: p.slack, name: p.id, real_name: p.name })),
      { id: stranger.slack, name: "stranger", real_name: "Sam Stranger" },
    ],
    channels: Object.entries(channels.slack).map(([name, id]) => ({ id, name })),
  });
  const env = loadEnv({
    DATABASE_URL: `file:${join(dir, "opsdesk.db")}`,
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    OPSDESK_CONFIG: configPath,
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
  });
  const opsdesk = await startOpsDesk({ env, log: pino({ level: process.env.OPSDESK_TEST_LOG ?? "silent" }) });
  const slack = new SlackRequestSender({ url: `${opsdesk.url}/slack/events`, signingSecret, fake });
  return {
    opsdesk,
    fake,
    slack,
    settle: async () => {
      // Listeners finish their work after the ack; give them a moment, then deliver everything due.
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await opsdesk.outbox.drain();
      }
    },
    close: async () => {
      await opsdesk.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
