import { createHash } from "node:crypto";
import type { webApi } from "@slack/bolt";
import { imageBytes } from "../../kernel/views/image.js";
import { readPostText } from "../../kernel/views/post-text.js";
import type { DeliveryResult, OutboxRow } from "../../outbox/index.js";
import { TransientDeliveryError } from "../../outbox/index.js";
import type { ImageMessageBody } from "../../outbox/message-payload.js";
import { postTextMrkdwn } from "./render/index.js";

/**
 * Posts an image the way Slack takes files since files.upload was retired (March 2025,
 * https://docs.slack.dev/changelog/2024-04-a-better-way-to-upload-files-is-here-to-stay): ask
 * files.getUploadURLExternal for an upload URL (file name, byte length, `alt_txt` for screen readers),
 * POST the bytes to that URL, then files.completeUploadExternal shares the file with the text as its
 * `initial_comment`. Nothing is shared before the last step, so a failure before it posts nothing.
 *
 * A repeat after a lost answer to the last step would share the chart twice, and Slack's file messages carry
 * no metadata to look for (unlike chat.postMessage). So the file's name carries a hash of the outbox row's
 * idempotency key, and a repeat first looks for that name with files.list (scope files:read).
 */
export async function uploadImage(
  client: webApi.WebClient,
  row: OutboxRow,
  destination: { channel_id: string } | { channels: string },
): Promise<DeliveryResult> {
  const body = row.body as ImageMessageBody;
  const filename = keyedFilename(body.image.filename, row.idempotencyKey);
  if (row.attempt > 1) {
    const earlier = await findSharedFile(client, filename, destination);
    if (earlier) return { details: { fileId: earlier, alreadyShared: true } };
  }
  const bytes = imageBytes(body.image);
  // alt_txt is the documented argument name (the SDK's typed helper calls it alt_text): call it as documented.
  const ticket = (await client.apiCall("files.getUploadURLExternal", {
    filename,
    length: bytes.length,
    alt_txt: body.image.altText,
  })) as { upload_url?: string; file_id?: string };
  if (!ticket.upload_url || !ticket.file_id)
    throw new TransientDeliveryError("no_upload_url", "Slack gave no upload URL for the image");
  const uploaded = await fetch(ticket.upload_url, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: bytes,
  });
  if (uploaded.status !== 200) {
    throw new TransientDeliveryError(
      `upload_${uploaded.status}`,
      `Slack's upload URL answered ${uploaded.status}`,
    );
  }
  const completed = (await client.files.completeUploadExternal({
    files: [{ id: ticket.file_id, title: body.image.title }],
    initial_comment: postTextMrkdwn(readPostText(body.text)),
    ...destination,
  } as webApi.FilesCompleteUploadExternalArguments)) as { files?: { id?: string }[] };
  return { details: { fileId: completed.files?.[0]?.id ?? ticket.file_id } };
}

/** `incidents-week.png` becomes `incidents-week-<12 hex of the key's SHA-256>.png`: one name per outbox row. */
export function keyedFilename(filename: string, idempotencyKey: string): string {
  const hash = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 12);
  return `${filename.replace(/\.png$/, "")}-${hash}.png`;
}

/**
 * The id of a file of this name OpsDesk already shared, or undefined. files.list answers newest first; a
 * repeat follows its lost attempt within minutes, so the newest 100 images are enough. A direct message is
 * addressed by user id, which files.list does not take as `channel`: it searches every image then.
 */
async function findSharedFile(
  client: webApi.WebClient,
  filename: string,
  destination: { channel_id: string } | { channels: string },
): Promise<string | undefined> {
  const listed = (await client.apiCall("files.list", {
    types: "images",
    count: 100,
    ...("channel_id" in destination ? { channel: destination.channel_id } : {}),
  })) as { files?: { id?: string; name?: string }[] };
  return listed.files?.find((file) => file.name === filename)?.id;
}
