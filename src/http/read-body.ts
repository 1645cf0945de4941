import type { IncomingMessage } from "node:http";

/** Thrown when a request body exceeds the limit; the server answers 413. */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** The raw body as text: signatures are computed over the exact bytes received. */
export async function readRawBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new BodyTooLargeError(`request body over ${limitBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
