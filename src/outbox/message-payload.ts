import type { Card } from "../kernel/views/card.js";
import type { ImageView } from "../kernel/views/image.js";
import type { PostText } from "../kernel/views/post-text.js";

/**
 * A plain message to a channel, mentioning people by their platform user id (rendered per platform, which
 * may summarise a long list). The text is PostText: people's words in it can never become markup.
 */
export interface TextMessageBody {
  text: PostText;
  mentions: string[];
}

/**
 * A private message to one person; the outbox row's channelId is their platform user id. With a card (an
 * SLA alert with the ticket's buttons) the text is the line above it; without, the text is the message.
 */
export interface DirectMessageBody {
  text: PostText;
  card?: Card;
}

/**
 * A picture with its words: a report's chart and the numbers it shows, as text beside it (kinds
 * `post_image`, to a channel, and `direct_image`, to one person whose platform user id is the row's
 * channelId). Each platform uploads the PNG its own way and puts the text in the same message.
 */
export interface ImageMessageBody {
  image: ImageView;
  text: PostText;
}
