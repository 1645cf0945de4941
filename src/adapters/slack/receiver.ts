import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import type { Clock } from "../../core/clock.js";
import { BodyTooLargeError, readRawBody } from "../../http/read-body.js";
import type { RequestHandler } from "../../http/server.js";
import type { Logger } from "../../log.js";
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
    let raw: string;
    try {
      raw = await readRawBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return end(res, 413, "request too large");
      throw error;
    }
    const verification = verifySlackSignature({
      signingSecret: this.#signingSecret,
      timestampHeader: header(req, "x-slack-request-timestamp"),
      signatureHeader: header(req, "x-slack-signature"),
      rawBody: raw,
      nowMs: this.#clock.now().getTime(),
    });
    if (!verification.ok) {
      this.#log.warn({ reason: verification.reason }, "refused a Slack request");
      return end(res, 401, "invalid request signature");
    }
    const body = parseSlackBody(raw, header(req, "content-type"));
    if (!body) return end(res, 400, "unreadable body");
    if (body.ssl_check) return end(res, 200, "");
    if (body.type === "url_verification") return json(res, 200, { challenge: body.challenge });

    let acked = false;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response === undefined || response === "") return end(res, 200, "");
        if (typeof response === "string") return end(res, 200, response);
        return json(res, 200, response);
      },
      ...retryHeaders(req),
    };
    const app = this.#app;
    if (!app) return end(res, 503, "not ready");
    try {
      await app.processEvent(event);
    } catch (error) {
      this.#log.error({ err: error }, "a Slack listener failed");
      if (!acked) return end(res, 500, "");
    }
    if (!acked) {
      // No listener matched (or none acknowledged): Slack would show a timeout; a 200 with nothing is honest.
      acked = true;
      end(res, 200, "");
    }
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function retryHeaders(req: IncomingMessage): Pick<ReceiverEvent, "retryNum" | "retryReason"> {
  const num = header(req, "x-slack-retry-num");
  const reason = header(req, "x-slack-retry-reason");
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

function end(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(text);
}
