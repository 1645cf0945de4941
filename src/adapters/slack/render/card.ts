import type { types } from "@slack/bolt";
import type { Card, CardLink } from "../../../kernel/views/card.js";
import { actionsBlock } from "./actions.js";
import { fieldsSection } from "./fields.js";
import { intentEmoji } from "./intent.js";
import { slackLimits } from "./limits.js";
import type { SlackMessage } from "./message.js";
import { dateToken, escapeMrkdwn, mrkdwnLink } from "./mrkdwn.js";
import { moreNote } from "./overflow.js";
import type { PersonResolver } from "./people.js";
import { mrkdwn, plainLine, userMrkdwn } from "./text-objects.js";
import { fitText, oneLine } from "./truncate.js";

export interface RenderCardOptions {
  /** Turns fields that name a person into Slack mentions when their Slack id is known. */
  readonly personFor?: PersonResolver;
}

const separator = " · ";
/** Badges, subtitles and link labels are a few words; longer ones are cut to this. */
const labelMax = 200;

const shortText = (text: string): string => userMrkdwn(oneLine(text), labelMax);

/** The badge and subtitle as one line: `:red_circle: *In progress* · *Major incident*`. */
function statusLine(card: Card): types.MrkdwnElement | undefined {
  const parts = [
    card.badge === undefined
      ? undefined
      : `${intentEmoji[card.badge.intent]} *${shortText(card.badge.text)}*`,
    card.subtitle === undefined ? undefined : `*${shortText(card.subtitle)}*`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : mrkdwn(parts.join(separator));
}

/** Links as one mrkdwn line; links that would push it past the section limit are counted, not cut. */
function linksLine(links: readonly CardLink[]): { markup: string | undefined; dropped: number } {
  let markup = "";
  let shown = 0;
  for (const link of links) {
    const label = fitText(oneLine(link.label), labelMax);
    const next = `${shown === 0 ? "" : separator}${mrkdwnLink(link.url, label)}`;
    if (link.url.length > slackLimits.url || markup.length + next.length > slackLimits.sectionText) break;
    markup += next;
    shown += 1;
  }
  return { markup: shown === 0 ? undefined : markup, dropped: links.length - shown };
}

/** `parts` are finished mrkdwn, each already within the context text limit. */
function contextBlock(parts: readonly (string | undefined)[]): types.ContextBlock | undefined {
  const elements = parts
    .filter((part): part is string => part !== undefined && part !== "")
    .slice(0, slackLimits.contextElements)
    .map((part) => mrkdwn(part));
  return elements.length === 0 ? undefined : { type: "context", elements };
}

function fallbackText(card: Card): string {
  const parts = [card.title, card.badge?.text, card.subtitle].filter((part) => part !== undefined);
  return fitText(oneLine(parts.join(" — ")), slackLimits.fallbackText, { encode: escapeMrkdwn });
}

/**
 * A ticket card as a Block Kit message: header, status line, fields, body, links, context (with the time
 * in each reader's zone) and buttons. Whatever exceeds a Slack limit is cut or left out with a note, so the
 * post is always accepted.
 */
export function renderCard(card: Card, options: RenderCardOptions = {}): SlackMessage {
  const fields = fieldsSection(card.fields, options.personFor, statusLine(card));
  // Slack shows ten fields per section: a card with more (links to other practices' items add fields)
  // continues in a second section rather than losing them; only what exceeds that is counted as left out.
  const more =
    fields.dropped > 0
      ? fieldsSection(card.fields.slice(slackLimits.sectionFields), options.personFor)
      : undefined;
  const dropped = more?.dropped ?? fields.dropped;
  const links = linksLine(card.links);
  const actions = actionsBlock(card.actions);
  const body = card.body?.trim();
  const blocks: (types.KnownBlock | undefined)[] = [
    { type: "header", text: plainLine(card.title, slackLimits.headerText) },
    fields.block,
    more?.block,
    body === undefined || body === ""
      ? undefined
      : { type: "section", text: mrkdwn(userMrkdwn(body, slackLimits.sectionText)) },
    links.markup === undefined ? undefined : { type: "section", text: mrkdwn(links.markup) },
    contextBlock([
      card.context === undefined ? undefined : userMrkdwn(card.context, slackLimits.contextText),
      card.timestamp === undefined ? undefined : dateToken(card.timestamp),
      moreNote(dropped, dropped === 1 ? "field" : "fields"),
      moreNote(links.dropped, links.dropped === 1 ? "link" : "links"),
      moreNote(actions.dropped, actions.dropped === 1 ? "action" : "actions"),
    ]),
    actions.block,
  ];
  return { text: fallbackText(card), blocks: blocks.filter((block) => block !== undefined) };
}
