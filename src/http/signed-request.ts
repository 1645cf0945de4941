import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../log.js";
import { BodyTooLargeError, readRawBody } from "./read-body.js";

export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * Reads a chat platform's signed request and checks it before anything else looks at it. Answers 413 or
 * 401 itself and returns undefined then; otherwise returns the raw body the signature covered.
 */
export async function readSignedRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: { platform: string; verify: (rawBody: string) => Verification; log: Logger },
): Promise<string | undefined> {
  let raw: string;
  try {
    raw = await readRawBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    endText(res, 413, "request too large");
    return undefined;
  }
  const verification = options.verify(raw);
  if (!verification.ok) {
    options.log.warn({ reason: verification.reason, platform: options.platform }, "refused a chat request");
    endText(res, 401, "invalid request signature");
    return undefined;
  }
  return raw;
}

export function requestHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function endText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

/**
 * A signed body that is not what the platform sends: 400 and one warning for the operator, never a 500
 * (nothing in OpsDesk failed) and never an error page with internals.
 */
export function refuseMalformed(res: ServerResponse, log: Logger, platform: string, problem: string): void {
  log.warn({ platform, problem }, "refused a malformed chat request");
  endText(res, 400, "malformed request");
}
