import { type ImageView, imageBytes } from "../../../kernel/views/image.js";
import type { PostText } from "../../../kernel/views/post-text.js";
import { type DiscordPostContent, postTextContent } from "./post-text.js";
import { truncate } from "./truncate.js";

/** An attachment's description (its alt text) is at most 1024 characters (Discord's attachment object). */
const descriptionMax = 1024;

export interface DiscordImageMessage {
  /** The JSON part (`payload_json`): the content and the attachment's metadata. */
  payload: DiscordPostContent & {
    attachments: { id: number; filename: string; description: string }[];
  };
  /** The file part, as @discordjs/rest takes it (`files[0]`). */
  file: { name: string; data: Buffer; contentType: string };
}

/**
 * A chart as a Discord message: the picture as attachment 0, its alt text as the attachment's description
 * (what screen readers announce), and the numbers as the message content, inert like every post line.
 */
export function imageMessage(image: ImageView, text: PostText): DiscordImageMessage {
  return {
    payload: {
      ...postTextContent(text),
      attachments: [
        { id: 0, filename: image.filename, description: truncate(image.altText, descriptionMax) },
      ],
    },
    file: { name: image.filename, data: imageBytes(image), contentType: "image/png" },
  };
}
