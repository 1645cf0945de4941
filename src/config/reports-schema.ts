import * as z from "zod";
import { consoleChannel, discordChannelId, slackChannelId, slug, startTime } from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";
import { weekdays } from "./types.js";

/**
 * The `reports:` section of opsdesk.yaml: weekly digests, each a list of reports posted (with their charts)
 * to one channel on a day and time of the desk's calendar. Local rules live here; the services a digest
 * names are checked in resolve-reports.ts.
 */

function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

export const digestReportKinds = ["sla", "incidents", "changes", "backlog"] as const;

const digest = mapping(
  {
    id: slug,
    reports: z
      .array(
        z.enum(digestReportKinds, expecting(`a report: ${digestReportKinds.join(", ")}`)),
        expecting("a list of reports like [sla, incidents]"),
      )
      .min(1, expecting("at least one report like [sla]")),
    period: z.enum(["7d", "30d", "90d"], expecting("7d, 30d or 90d")).default("7d"),
    service: slug.optional(),
    channel: mapping(
      {
        slack: slackChannelId.optional(),
        discord: discordChannelId.optional(),
        console: consoleChannel.optional(),
      },
      'channel ids per platform like { slack: C0123ABCD, discord: "123456789012345678", console: "#reports" }',
    ).refine(
      (channel) => Object.values(channel).some((id) => id !== undefined),
      expecting("at least one channel id (slack, discord or console)"),
    ),
    day: z.enum(weekdays, expecting(`a weekday: ${weekdays.join(", ")}`)),
    time: startTime,
  },
  'a digest like { id: weekly-sla, reports: [sla], channel: { slack: C0123ABCD }, day: mon, time: "09:00" }',
);

export const reportsSection = mapping(
  { digests: z.array(digest, expecting("a list of digests")).default([]) },
  "reports settings: digests",
);
