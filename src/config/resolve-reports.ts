import type { z } from "zod";
import type { ConfigProblem } from "./config-problems.js";
import { unknownReferenceMessage } from "./references.js";
import type { reportsSection } from "./reports-schema.js";
import type { ReportsSettings } from "./types.js";

/** Relates the `reports:` section to the rest of the file: a digest's service must be declared; ids unique. */
export function resolveReports(
  declared: z.output<typeof reportsSection>,
  known: { serviceIds: readonly string[] | undefined },
  problems: ConfigProblem[],
): ReportsSettings {
  const seen = new Set<string>();
  declared.digests.forEach((digest, index) => {
    if (seen.has(digest.id))
      problems.push({
        path: ["reports", "digests", index, "id"],
        message: `the digest id "${digest.id}" is used twice`,
      });
    seen.add(digest.id);
    if (
      digest.service !== undefined &&
      known.serviceIds !== undefined &&
      !known.serviceIds.includes(digest.service)
    )
      problems.push({
        path: ["reports", "digests", index, "service"],
        message: unknownReferenceMessage("service", "services", digest.service, known.serviceIds),
      });
  });
  return {
    digests: declared.digests.map((digest) => ({
      id: digest.id,
      reports: digest.reports,
      period: digest.period,
      ...(digest.service !== undefined ? { service: digest.service } : {}),
      channel: digest.channel,
      day: digest.day,
      time: digest.time,
    })),
  };
}
