import type { IncomingMessage, ServerResponse } from "node:http";
import { describeLoneSurrogate, findLoneSurrogate, hasEncodedSurrogate } from "../lone-surrogates.js";
import type { Args } from "./types.js";

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export type ParsedBody = { ok: true; args: Args } | { ok: false; error: string };

/**
 * Slack's Web API takes `application/x-www-form-urlencoded` (what @slack/web-api sends, with nested values
 * JSON-encoded as strings) or `application/json` (docs.slack.dev/apis/web-api, "POST bodies").
 */
export function parseBody(raw: string, contentType: string | undefined): ParsedBody {
  const type = mediaType(contentType);
  if (raw.length === 0) return { ok: true, args: {} };
  if (type === "application/json") {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return { ok: false, error: "invalid_json" };
      }
      return { ok: true, args: { ...parsed } };
    } catch {
      return { ok: false, error: "invalid_json" };
    }
  }
  if (type === "application/x-www-form-urlencoded" || type === "") {
    return { ok: true, args: Object.fromEntries(new URLSearchParams(raw)) };
  }
  return { ok: false, error: "invalid_form_data" };
}

/**
 * Where a body holds a lone UTF-16 surrogate, and the error Slack's Web API gives for it. Slack documents no
 * answer for invalid Unicode; its JSON decoding refuses a lone-surrogate escape, and a truncated emoji has been
 * reported to make Slack reject the whole payload (erikdarlingdata/PerformanceMonitor#3622). The fake answers
 * as for any body it cannot decode: `invalid_json` for a JSON body, `invalid_blocks_format` when the surrogate
 * sits in form-encoded `blocks`, `invalid_arguments` otherwise; the message names the JSON pointer.
 */
export function loneSurrogateError(
  raw: Buffer,
  args: Args,
  isJson: boolean,
): { error: string; message: string } | undefined {
  const found = findLoneSurrogate(args);
  if (!found && !hasEncodedSurrogate(raw)) return undefined;
  const message = found
    ? `[ERROR] ${describeLoneSurrogate(found)} [json-pointer:${found.pointer}]`
    : "[ERROR] body holds an encoded UTF-16 surrogate, which is not valid UTF-8";
  if (isJson) return { error: "invalid_json", message };
  if (found?.pointer.startsWith("/blocks")) return { error: "invalid_blocks_format", message };
  return { error: "invalid_arguments", message };
}

/** Form bodies carry objects as JSON strings; Slack decodes them for these fields. */
const JSON_FIELDS = ["blocks", "attachments", "view", "metadata", "unfurls", "files"];

export function decodeJsonFields(args: Args): Args | { decodeError: string } {
  const out: Args = { ...args };
  for (const field of JSON_FIELDS) {
    const value = out[field];
    if (typeof value !== "string") continue;
    try {
      out[field] = JSON.parse(value);
    } catch {
      return { decodeError: field === "blocks" ? "invalid_blocks_format" : "invalid_arguments" };
    }
  }
  return out;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
