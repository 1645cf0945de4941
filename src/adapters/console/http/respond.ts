import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { BodyTooLargeError, readRawBody } from "../../../http/read-body.js";
import { sendJson } from "../../../http/server.js";

/** A request the console cannot act on; answered 400 with what to send instead. */
export class BadConsoleRequest extends Error {
  override name = "BadConsoleRequest";
  readonly status: number;

  constructor(message: string, status = 400) {
    super(message);
    this.status = status;
  }
}

export function sendProblem(res: ServerResponse, status: number, error: string, message: string): void {
  sendJson(res, status, { error, message });
}

/** Reads and checks a JSON body; the error names each field that is wrong. */
export async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readRawBody(req, 200_000);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      throw new BadConsoleRequest("The request body is too large.", 413);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadConsoleRequest("The request body is not JSON.");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".") || "body"}: ${issue.message}`,
    );
    throw new BadConsoleRequest(`The request is missing or has wrong fields: ${problems.join("; ")}.`);
  }
  return result.data;
}

export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? "/", "http://console.invalid").searchParams;
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    // Everything the page needs comes from this server: no CDN, no inline script.
    "content-security-policy":
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
  });
  res.end(body);
}
