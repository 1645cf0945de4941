import type { CardField } from "../../../kernel/views/card.js";
import { dateToken, userMention } from "./mrkdwn.js";
import { userMrkdwn } from "./text-objects.js";

/**
 * The Slack user id of the person a field names, when known. A neutral CardField carries only a display
 * name, so the caller that built the card from a ticket (and knows its people and their Slack ids) says
 * which fields name whom, e.g. `(field) => field.label === "Assignee" ? slackIdOfAssignee : undefined`.
 * Ids that do not look like Slack user ids are ignored, so a resolver cannot inject markup.
 */
export type PersonResolver = (field: CardField) => string | undefined;

/** A field's value as mrkdwn: a date token for an instant, a live mention when the person's Slack id is known, else the escaped text. */
export function fieldValueMrkdwn(field: CardField, max: number, personFor?: PersonResolver): string {
  // An instant: Slack shows it in each reader's own time zone.
  if (field.at !== undefined) return dateToken(field.at);
  const id = personFor?.(field);
  const mention = id === undefined ? undefined : userMention(id);
  return mention ?? userMrkdwn(field.value, max);
}
