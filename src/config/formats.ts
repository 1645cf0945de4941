import { DateTime } from "luxon";
import * as z from "zod";
import { expectedMessage, expecting } from "./messages.js";
import { notAPlaceProblem, unknownZoneProblem, ZONE_EXPECTED, type ZoneScope } from "./time-zones.js";

/**
 * The small vocabulary of values the YAML file is made of. Each one says, in its error, what a correct value
 * looks like, because the operator fixing the file has the example in front of them and nothing else.
 */

const SLUG = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const SLACK_USER = /^[UW][A-Z0-9]{6,}$/;
const SLACK_CHANNEL = /^[CG][A-Z0-9]{6,}$/;
const SNOWFLAKE = /^[0-9]{17,20}$/;
const CONSOLE_CHANNEL = /^#[a-z0-9][a-z0-9_-]{0,79}$/;
const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const LOCAL_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const SLUG_EXPECTED = 'an id of lowercase letters, digits, "-" or "_" like "service-desk"';
const SLACK_USER_EXPECTED = "a Slack user id like U0123ABC";

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

export function isSlackUserId(value: string): boolean {
  return SLACK_USER.test(value);
}

export function isDiscordId(value: string): boolean {
  return SNOWFLAKE.test(value);
}

export const slug = z.string(expecting(SLUG_EXPECTED)).regex(SLUG, expecting(SLUG_EXPECTED));

export const displayName = z
  .string(expecting('a display name like "Ada Lovelace"'))
  .trim()
  .min(1, expecting('a display name like "Ada Lovelace"'));

/**
 * A time zone as written in the file (time-zones.ts has the rule and the suggestions). A calendar may opt in
 * to a zone that is not a place, so its schema checks that with the calendar's allowFixedOffset in hand;
 * everywhere else such a zone is refused here.
 */
export function timezone(scope: ZoneScope) {
  return z.string(expecting(ZONE_EXPECTED)).superRefine((zone, ctx) => {
    const problem =
      unknownZoneProblem(zone, scope) ?? (scope === "calendar" ? undefined : notAPlaceProblem(zone, scope));
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  });
}

export const slackUserId = z
  .string(expecting(SLACK_USER_EXPECTED))
  .regex(SLACK_USER, expecting(SLACK_USER_EXPECTED));

export const slackChannelId = z
  .string(expecting("a Slack channel id like C0123ABCD"))
  .regex(SLACK_CHANNEL, expecting("a Slack channel id like C0123ABCD"));

/**
 * Discord ids are larger than the numbers YAML can hold exactly: unquoted, 123456789012345678 silently becomes
 * 123456789012345680. Refusing numbers, with the reason, is the only way to keep the id intact.
 */
function discordIdError(what: string): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) =>
      typeof issue.input === "number"
        ? `expected ${what} in quotes like "123456789012345678", got an unquoted number; YAML rounds numbers this long, so put the id in quotes`
        : expectedMessage(`${what} in quotes like "123456789012345678"`, issue.input),
  };
}

export const discordUserId = z
  .string(discordIdError("a Discord user id"))
  .regex(SNOWFLAKE, discordIdError("a Discord user id"));

export const discordChannelId = z
  .string(discordIdError("a Discord channel id"))
  .regex(SNOWFLAKE, discordIdError("a Discord channel id"));

export const consoleChannel = z
  .string(expecting('a console channel name like "#incidents"'))
  .regex(CONSOLE_CHANNEL, expecting('a console channel name like "#incidents"'));

export const startTime = z
  .string(expecting('a start time like "09:00" (00:00 to 23:59)'))
  .regex(CLOCK_TIME, expecting('a start time like "09:00" (00:00 to 23:59)'));

/** "24:00" lets a day's last interval run to midnight without a gap at 23:59. */
export const endTime = z
  .string(expecting('an end time like "17:00" (00:01 to 24:00)'))
  .refine(
    (time) => time === "24:00" || CLOCK_TIME.test(time),
    expecting('an end time like "17:00" (00:01 to 24:00)'),
  );

export const localDate = z
  .string(expecting('a date like "2025-12-25"'))
  .refine(
    (date) => LOCAL_DATE.test(date) && DateTime.fromFormat(date, "yyyy-MM-dd").isValid,
    expecting('a real calendar date like "2025-12-25"'),
  );

export function minutesOfDay(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}
