import type { types } from "@slack/bolt";
import type { CardField } from "../../../kernel/views/card.js";
import { slackLimits } from "./limits.js";
import { fieldValueMrkdwn, type PersonResolver } from "./people.js";
import { mrkdwn, userMrkdwn } from "./text-objects.js";
import { oneLine } from "./truncate.js";

/** Labels are short words from the core; this keeps a runaway one from crowding out the value. */
const labelMax = 200;

export interface FieldsSection {
  /** Undefined when there are no fields: Slack rejects a section with an empty `fields` array. */
  readonly block: types.SectionBlock | undefined;
  /** Fields beyond Slack's ten per section, left out. */
  readonly dropped: number;
}

function fieldText(field: CardField, personFor: PersonResolver | undefined): string {
  const label = `*${userMrkdwn(oneLine(field.label), labelMax)}*\n`;
  return `${label}${fieldValueMrkdwn(field, slackLimits.sectionFieldText - label.length, personFor)}`;
}

/** Fields as one section, two columns wide in Slack, label in bold above the value. */
export function fieldsSection(
  fields: readonly CardField[],
  personFor?: PersonResolver,
  text?: types.MrkdwnElement,
): FieldsSection {
  const shown = fields.slice(0, slackLimits.sectionFields);
  const dropped = fields.length - shown.length;
  if (shown.length === 0) {
    return { block: text === undefined ? undefined : { type: "section", text }, dropped };
  }
  const block: types.SectionBlock = {
    type: "section",
    ...(text === undefined ? {} : { text }),
    fields: shown.map((field) => mrkdwn(fieldText(field, personFor))),
  };
  return { block, dropped };
}
