import * as z from "zod";
import { configDuration } from "./changes-schema.js";
import type { ConfigProblem } from "./config-problems.js";
import { slug } from "./formats.js";
import { expectedMessage, expecting } from "./messages.js";
import { unknownReferenceMessage } from "./references.js";

/**
 * The `problems:` section of opsdesk.yaml (problem management, src/practices/problems): the group of problem
 * managers (who close, cancel and publish known errors; left out, any agent may), and the window of the
 * recurring-incident job (how many look-alike incidents within how long suggest a problem).
 */
function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : expectedMessage(what, issue.input)),
  });
}

export const problemsSection = mapping(
  {
    managers: slug.optional(),
    recurring: mapping(
      {
        count: z.number(expecting("a number of incidents like 3")).int().min(2).max(50).default(3),
        within: configDuration.default(7 * 24 * 60),
      },
      "a recurring-incident window like { count: 3, within: 7d }",
    ).prefault({}),
  },
  "problem management settings like { managers: problem-managers, recurring: { count: 3, within: 7d } }",
);

export type ProblemsFileSection = z.output<typeof problemsSection>;

export interface ProblemSettings {
  /** Group id of the problem managers, when declared. */
  readonly managers?: string;
  /** Incidents that look alike: at least `count` within `withinMinutes`. */
  readonly recurring: { readonly count: number; readonly withinMinutes: number };
}

export function defaultProblemSettings(): ProblemSettings {
  return { recurring: { count: 3, withinMinutes: 7 * 24 * 60 } };
}

/** The managers group must be declared in `groups`. */
export function resolveProblems(
  declared: ProblemsFileSection,
  groupIds: readonly string[] | undefined,
  problems: ConfigProblem[],
): ProblemSettings {
  const { managers } = declared;
  if (managers !== undefined && groupIds !== undefined && !groupIds.includes(managers)) {
    problems.push({
      path: ["problems", "managers"],
      message: unknownReferenceMessage("group", "groups", managers, groupIds),
    });
  }
  return {
    ...(managers !== undefined ? { managers } : {}),
    recurring: { count: declared.recurring.count, withinMinutes: declared.recurring.within },
  };
}
