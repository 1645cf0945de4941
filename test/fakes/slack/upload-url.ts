import type { IncomingMessage, ServerResponse } from "node:http";
import { mediaType, readRawBody } from "./http-io.js";
import type { SlackState } from "./state.js";
import type { RecordedCall } from "./types.js";

export const UPLOAD_PREFIX = "/upload/v1/";

/**
 * The upload URL files.getUploadURLExternal hands out: it takes the file's bytes raw or as multipart form
 * data (field `file` or `filename`) and answers HTTP 200 `OK - <bytes>`
 * (https://docs.slack.dev/reference/methods/files.getUploadURLExternal, "Usage info"). An unknown or
 * already shared file id gets 404; bytes that do not match the announced length are refused with 400, so a
 * client that announces one size and sends another is caught here rather than by a broken image.
 */
export async function receiveUpload(
  state: SlackState,
  req: IncomingMessage,
  res: ServerResponse,
  fileId: string,
  record: (call: RecordedCall) => void,
): Promise<void> {
  const raw = await readRawBody(req);
  const contentType = req.headers["content-type"] ?? "";
  const upload = state.uploads.get(fileId);
  const answer = (status: number, text: string, bytes?: number): void => {
    record({
      method: "upload_url",
      args: { file_id: fileId, ...(bytes !== undefined ? { bytes } : {}) },
      auth: "none",
      contentType,
      time: state.now(),
      status,
      response: text,
    });
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    res.end(text);
  };
  if (!upload || upload.completed) {
    answer(404, "Not Found");
    return;
  }
  let bytes = raw;
  if (mediaType(contentType) === "multipart/form-data") {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const file = form.get("file") ?? form.get("filename");
    if (file === null || typeof file === "string") {
      answer(400, "Bad Request: no file part");
      return;
    }
    bytes = Buffer.from(await file.arrayBuffer());
  }
  if (bytes.length !== upload.length) {
    answer(400, `Bad Request: expected ${upload.length} bytes, got ${bytes.length}`);
    return;
  }
  upload.bytes = bytes;
  answer(200, `OK - ${bytes.length}`, bytes.length);
}
