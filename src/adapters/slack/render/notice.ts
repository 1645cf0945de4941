import type { types } from "@slack/bolt";
import type { Notice } from "../../../kernel/views/notice.js";
import { toneEmoji } from "./intent.js";
import { slackLimits } from "./limits.js";
import type { SlackMessage } from "./message.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { mrkdwn } from "./text-objects.js";
import { fitText } from "./truncate.js";

/**
 * Splits escaped text into section-sized chunks at line breaks, so long notices (help text) stay whole
 * across several sections instead of being cut. A single line longer than a section is cut.
 */
function sectionChunks(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const escaped = fitText(line, max, { encode: escapeMrkdwn });
    const joined = current === "" ? escaped : `${current}\n${escaped}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    chunks.push(current);
    current = escaped;
  }
  chunks.push(current);
  return chunks.map((chunk) => chunk.trimEnd()).filter((chunk) => chunk !== "");
}

/**
 * A notice for one person (ephemeral message or response_url reply): the tone as an emoji, then the text.
 * Text beyond what one message holds is cut at the last section.
 */
export function renderNotice(notice: Notice): SlackMessage {
  const prefix = `${toneEmoji[notice.tone]} `;
  const chunks = sectionChunks(notice.text, slackLimits.sectionText - prefix.length).slice(
    0,
    slackLimits.blocksPerMessage,
  );
  const sections: types.SectionBlock[] = chunks.map((chunk, i) => ({
    type: "section",
    text: mrkdwn(i === 0 ? `${prefix}${chunk}` : chunk),
  }));
  const blocks = sections.length > 0 ? sections : [{ type: "section" as const, text: mrkdwn(prefix) }];
  return { text: fitText(notice.text, slackLimits.fallbackText, { encode: escapeMrkdwn }), blocks };
}
