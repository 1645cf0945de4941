// Shared set-up for the Slack fake's tests: a silent logger and a WebClient that never retries on its own.
import { type Logger, LogLevel, webApi } from "@slack/bolt";
import type { FakeSlack } from "../../fakes/slack/server.js";

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** @slack/web-api retries for about 30 minutes by default; tests want the first answer. */
export function webClient(
  fake: FakeSlack,
  /** `null` sends no token at all. */
  token: string | null = fake.botToken,
  extra: webApi.WebClientOptions = {},
): webApi.WebClient {
  return new webApi.WebClient(token ?? undefined, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logger: silentLogger,
    ...extra,
  });
}

/** The Slack error code of a rejected Web API call, e.g. "invalid_blocks". */
export async function slackErrorOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error: unknown) {
    if (error instanceof Error && "data" in error) {
      const data: unknown = error.data;
      if (typeof data === "object" && data !== null && "error" in data && typeof data.error === "string") {
        return data.error;
      }
    }
    throw error;
  }
  throw new Error("expected the call to fail");
}
