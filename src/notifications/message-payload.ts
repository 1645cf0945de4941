/** A plain message to a channel, mentioning people by their platform user id (rendered per platform). */
export interface TextMessageBody {
  text: string;
  mentions: string[];
}

/** A private message to one person; the outbox row's channelId is their platform user id. */
export interface DirectMessageBody {
  text: string;
}
