import type { webApi } from "@slack/bolt";
import { imageBytes } from "../../kernel/views/image.js";
import { readPostText } from "../../kernel/views/post-text.js";
import type { DeliveryResult } from "../../outbox/index.js";
import { TransientDeliveryError } from "../../outbox/index.js";
import type { ImageMessageBody } from "../../outbox/message-payload.js";
import { postTextMrkdwn } from "./render/index.js";

/**
 * Posts an image the way Slack takes files since files.upload was retired (March 2025,
 * https://docs.slack.dev/changelog/2024-04-a-better-way-to-upload-files-is-here-to-stay): ask
 * files.getUploadURLExternal for an upload URL (file name, byte length, `alt_txt` for screen readers),
 * POST the bytes to that URL, then files.completeUploadExternal shares the file with the text as its
 * `initial_comment`. Nothing is shared before the last step, so a failure before it posts nothing; a
 * repeat after a lost answer to the last step may share the chart twice (Slack's file messages carry no
 * metadata to look for, unlike chat.postMessage).
 */
export async function uploadImage(
  client: webApi.WebClient,
  body: ImageMessageBody,
  destination: { channel_id: string } | { channels: string },
): Promise<DeliveryResult> {
  const bytes = imageBytes(body.image);
  // alt_txt is the documented argument name (the SDK's typed helper calls it alt_text): call it as documented.
  const ticket = (await client.apiCall("files.getUploadURLExternal", {
    filename: body.image.filename,
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
