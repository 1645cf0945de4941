import type { types } from "@slack/bolt";
import type { List, ListItem } from "../../../kernel/views/list.js";
import { fieldsSection } from "./fields.js";
import { intentEmoji } from "./intent.js";
import { slackLimits } from "./limits.js";
import type { SlackMessage } from "./message.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { moreNote } from "./overflow.js";
import type { PersonResolver } from "./people.js";
import { mrkdwn, plainLine, userMrkdwn } from "./text-objects.js";
import { fitText, oneLine } from "./truncate.js";

export interface RenderListOptions {
  readonly personFor?: PersonResolver;
}

/** One block for the header and one for the "…and N more" line; every other block is an item. */
const maxItems = slackLimits.blocksPerMessage - 2;
const refMax = 100;

function itemBlock(item: ListItem, personFor: PersonResolver | undefined): types.SectionBlock {
  const emoji = item.intent === undefined ? "" : `${intentEmoji[item.intent]} `;
  const heading = `${emoji}*${userMrkdwn(oneLine(item.ref), refMax)}* · `;
  const title = userMrkdwn(oneLine(item.title), slackLimits.sectionText - heading.length);
  // Items have a handful of fields; any beyond ten are left out silently, the card shows them all.
  const { block } = fieldsSection(item.fields, personFor, mrkdwn(`${heading}${title}`));
  return block ?? { type: "section", text: mrkdwn(`${heading}${title}`) };
}

/** Several tickets, one section each, as many as one message holds, then how many were left out. */
export function renderList(list: List, options: RenderListOptions = {}): SlackMessage {
  const header: types.HeaderBlock = { type: "header", text: plainLine(list.title, slackLimits.headerText) };
  const fallback = (text: string) => fitText(text, slackLimits.fallbackText, { encode: escapeMrkdwn });
  if (list.items.length === 0) {
    return {
      text: fallback(`${oneLine(list.title)}: ${list.emptyText}`),
      blocks: [
        header,
        { type: "section", text: mrkdwn(userMrkdwn(list.emptyText, slackLimits.sectionText)) },
      ],
    };
  }
  const shown = list.items.slice(0, maxItems);
  const note = moreNote(list.items.length - shown.length, "items");
  const blocks: types.KnownBlock[] = [header, ...shown.map((item) => itemBlock(item, options.personFor))];
  if (note !== undefined) blocks.push({ type: "context", elements: [mrkdwn(note)] });
  return { text: fallback(`${oneLine(list.title)} (${list.items.length})`), blocks };
}
