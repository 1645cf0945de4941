import type { types } from "@slack/bolt";

/**
 * What chat.postMessage, chat.update, chat.postEphemeral and response_url accept. `text` is the
 * notification and screen-reader fallback; Slack shows `blocks` in the message itself.
 */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: types.KnownBlock[];
}
