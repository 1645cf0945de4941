import type { IncomingMessage } from "node:http";
import { hasEncodedSurrogate } from "../../lone-surrogates.js";
import type { RecordedFile } from "../types.js";

export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
  /** A JSON body whose bytes hold a UTF-8-style encoded surrogate (Node decodes those to U+FFFD). */
  encodedSurrogate?: boolean;
}

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/**
 * discord.js sends JSON, or multipart/form-data when files are attached: the message then travels in a
 * `payload_json` part and files in `files[n]` parts. The WHATWG `Response` in Node parses multipart for us.
 */
export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(request);
  if (raw.length === 0) return { body: undefined, files: [] };
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value);
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type,
          size: value.size,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  const encodedSurrogate = hasEncodedSurrogate(raw);
  try {
    return { body: JSON.parse(text), files: [], encodedSurrogate };
  } catch {
    return { body: text, files: [], encodedSurrogate };
  }
}
