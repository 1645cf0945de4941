import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import type { RequestHandler } from "../../http/server.js";
import { endText, readSignedRequest, refuseMalformed, requestHeader } from "../../http/signed-request.js";
import type { Clock } from "../../kernel/clock.js";
import type { Logger } from "../../log.js";
import { slackBodyProblem } from "./payload-shape.js";
import { verifySlackSignature } from "./verify-request.js";

/**
 * Bolt receiver on OpsDesk's own HTTP server (`POST /slack/events`): transport only. It verifies the
 * request, parses the body the way Slack encodes it, hands it to Bolt, and answers the HTTP request the
 * moment a listener calls ack(), so work after the ack never delays Slack's three-second deadline.
 */
export class SlackHttpReceiver implements Receiver {
  #app: App | undefined;
  readonly #signingSecret: string;
  readonly #clock: Clock;
  readonly #log: Logger;

  constructor(options: { signingSecret: string; clock: Clock; log: Logger }) {
    this.#signingSecret = options.signingSecret;
    this.#clock = options.clock;
    this.#log = options.log;
  }

  init(app: App): void {
    this.#app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  readonly handler: RequestHandler = async (req, res) => {
    const raw = await readSignedRequest(req, res, {
      platform: "slack",
      log: this.#log,
      verify: (rawBody) =>
        verifySlackSignature({
          signingSecret: this.#signingSecret,
          timestampHeader: requestHeader(req, "x-slack-request-timestamp"),
          signatureHeader: requestHeader(req, "x-slack-signature"),
          rawBody,
          nowMs: this.#clock.now().getTime(),
        }),
    });
    if (raw === undefined) return;
    const body = parseSlackBody(raw, requestHeader(req, "content-type"));
    const problem =
      body === undefined ? "the body is not readable JSON or form data" : slackBodyProblem(body);
    if (problem !== undefined || body === undefined)
      return refuseMalformed(res, this.#log, "slack", problem ?? "");
    if (body.ssl_check) return endText(res, 200, "");
    if (body.type === "url_verification") return json(res, 200, { challenge: body.challenge });

    let acked = false;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response === undefined || response === "") return endText(res, 200, "");
        if (typeof response === "string") return endText(res, 200, response);
        return json(res, 200, response);
      },
      ...retryHeaders(req),
    };
    const app = this.#app;
    if (!app) return endText(res, 503, "not ready");
    try {
      await app.processEvent(event);
    } catch (error) {
      this.#log.error({ err: error }, "a Slack listener failed");
      if (!acked) return endText(res, 500, "");
    }
    if (!acked) {
      // No listener matched (or none acknowledged): Slack would show a timeout; a 200 with nothing is honest.
      acked = true;
      endText(res, 200, "");
    }
  };
}

function retryHeaders(req: IncomingMessage): Pick<ReceiverEvent, "retryNum" | "retryReason"> {
  const num = requestHeader(req, "x-slack-retry-num");
  const reason = requestHeader(req, "x-slack-retry-reason");
  return { ...(num ? { retryNum: Number(num) } : {}), ...(reason ? { retryReason: reason } : {}) };
}

/**
 * Commands arrive form-encoded, interactions form-encoded with one `payload` field holding JSON, events as
 * JSON.
 */
export function parseSlackBody(
  raw: string,
  contentType: string | undefined,
): Record<string, unknown> | undefined {
  try {
    if (contentType?.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (typeof form.payload === "string") return JSON.parse(form.payload) as Record<string, unknown>;
    return form;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(text);
}
