import { ALWAYS_OPEN_CALENDAR_ID, alwaysOpenCalendar, buildCalendar } from "./calendars.js";
import { resolveCmdb } from "./cmdb-schema.js";
import type { ConfigProblem } from "./config-problems.js";
import { resolveContinuity } from "./continuity-schema.js";
import { findCycles } from "./cycles.js";
import { DEFAULT_PRIORITY_MATRIX, DEFAULT_TIMEZONE, defaultChannels } from "./defaults.js";
import { resolveProblems } from "./problems-schema.js";
import { checkUnique, unknownReferenceMessage } from "./references.js";
import { resolveReleases } from "./releases-schema.js";
import { resolveChanges } from "./resolve-changes.js";
import { resolveReports } from "./resolve-reports.js";
import { resolveRequests } from "./resolve-requests.js";
import type { OpsdeskFile } from "./schema.js";
import { resolveSla } from "./sla-resolve.js";
import type {
  BusinessCalendar,
  Group,
  GroupMember,
  OpsdeskConfig,
  Person,
  PriorityMatrix,
  Service,
} from "./types.js";

export interface Resolution {
  /** Present only when the whole file is valid. */
  readonly config?: OpsdeskConfig;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Relates the sections to each other: unique ids, references that resolve, no dependency cycles. A section
 * that failed local validation is absent; checks that need it are skipped rather than guessed, so every
 * problem reported is a real one.
 */
export function resolveConfig(file: Partial<OpsdeskFile>): Resolution {
  const problems: ConfigProblem[] = [];
  const timezone = file.timezone ?? DEFAULT_TIMEZONE;
  const calendars = file.calendars && resolveCalendars(file.calendars, timezone);
  const people = file.people && resolvePeople(file.people, timezone, problems);
  const groups = file.groups && resolveGroups(file.groups, people, problems);
  const services =
    file.services &&
    resolveServices(
      file.services,
      { groups: file.groups, calendars: calendars && Object.keys(calendars) },
      problems,
    );
  const changes =
    file.changes &&
    resolveChanges(
      file.changes,
      {
        groupIds: file.groups?.map((group) => group.id),
        serviceIds: file.services?.map((service) => service.id),
        timezone,
      },
      problems,
    );
  const releases =
    file.releases &&
    resolveReleases(
      file.releases,
      file.groups?.map((group) => group.id),
      problems,
    );
  const continuity =
    file.continuity &&
    resolveContinuity(
      file.continuity,
      {
        serviceIds: file.services?.map((service) => service.id),
        groupIds: file.groups?.map((group) => group.id),
      },
      problems,
    );
  const requests =
    file.requests &&
    resolveRequests(
      file.requests,
      {
        groupIds: file.groups?.map((group) => group.id),
        personIds: file.people?.map((person) => person.id),
        calendarIds: calendars && Object.keys(calendars),
      },
      problems,
    );
  const problemSettings =
    file.problems &&
    resolveProblems(
      file.problems,
      file.groups?.map((group) => group.id),
      problems,
    );
  const sla =
    file.sla &&
    resolveSla(
      file.sla,
      {
        calendars: calendars && Object.keys(calendars),
        services: file.services?.map((service) => service.id),
        ...(file.services === undefined
          ? {}
          : { serviceCalendars: new Map(file.services.map((service) => [service.id, service.calendar])) }),
      },
      problems,
    );
  const reports =
    file.reports &&
    resolveReports(file.reports, { serviceIds: file.services?.map((service) => service.id) }, problems);
  if (
    problems.length > 0 ||
    reports === undefined ||
    changes === undefined ||
    releases === undefined ||
    continuity === undefined ||
    requests === undefined ||
    problemSettings === undefined ||
    sla === undefined ||
    file.timezone === undefined ||
    calendars === undefined ||
    file.priorityMatrix === undefined ||
    people === undefined ||
    groups === undefined ||
    services === undefined ||
    file.channels === undefined
  ) {
    return { problems };
  }
  return {
    problems,
    config: {
      timezone,
      calendars,
      priorityMatrix: mergeMatrix(file.priorityMatrix),
      people,
      groups,
      services,
      channels: defaultChannels(file.channels),
      changes,
      releases,
      continuity,
      requests,
      cmdb: resolveCmdb(file.cmdb ?? { types: [] }),
      assets: {
        channels: { ...file.assets?.channels, console: file.assets?.channels?.console ?? "#assets" },
      },
      problems: problemSettings,
      sla,
      reports,
    },
  };
}

function resolveCalendars(
  declared: OpsdeskFile["calendars"],
  timezone: string,
): Record<string, BusinessCalendar> {
  const calendars: Record<string, BusinessCalendar> = {
    [ALWAYS_OPEN_CALENDAR_ID]: alwaysOpenCalendar(timezone),
  };
  for (const [id, calendar] of Object.entries(declared)) {
    calendars[id] = buildCalendar(id, calendar.timezone ?? timezone, calendar.hours, calendar.holidays);
  }
  return calendars;
}

function mergeMatrix(overrides: OpsdeskFile["priorityMatrix"]): PriorityMatrix {
  return {
    high: { ...DEFAULT_PRIORITY_MATRIX.high, ...overrides.high },
    medium: { ...DEFAULT_PRIORITY_MATRIX.medium, ...overrides.medium },
    low: { ...DEFAULT_PRIORITY_MATRIX.low, ...overrides.low },
  };
}

function resolvePeople(
  declared: OpsdeskFile["people"],
  timezone: string,
  problems: ConfigProblem[],
): Person[] {
  const at = (index: number) => `${declared[index]?.id} (people[${index}])`;
  checkUnique(
    declared,
    {
      keyOf: (person) => person.id,
      pathOf: (index) => ["people", index, "id"],
      clash: (id, first) =>
        `"${id}" is already the id of people[${first}]; give each person an id of their own`,
    },
    problems,
  );
  checkUnique(
    declared,
    {
      keyOf: (person) => person.slack,
      pathOf: (index) => ["people", index, "slack"],
      clash: (id, first) =>
        `${id} is already the Slack id of ${at(first)}; a Slack account belongs to one person only`,
    },
    problems,
  );
  checkUnique(
    declared,
    {
      keyOf: (person) => person.discord,
      pathOf: (index) => ["people", index, "discord"],
      clash: (id, first) =>
        `"${id}" is already the Discord id of ${at(first)}; a Discord account belongs to one person only`,
    },
    problems,
  );
  return declared.map((person) => ({ ...person, timezone: person.timezone ?? timezone }));
}

function resolveGroups(
  declared: OpsdeskFile["groups"],
  people: readonly Person[] | undefined,
  problems: ConfigProblem[],
): Group[] {
  checkUnique(
    declared,
    {
      keyOf: (group) => group.id,
      pathOf: (index) => ["groups", index, "id"],
      clash: (id, first) => `"${id}" is already the id of groups[${first}]; give each group an id of its own`,
    },
    problems,
  );
  return declared.map((group, groupIndex) => {
    const members = new Map<string, GroupMember>();
    group.members.forEach((reference, memberIndex) => {
      const member = people && resolveMember(reference, people);
      if (member === undefined) {
        if (people !== undefined) {
          problems.push({
            path: ["groups", groupIndex, "members", memberIndex],
            message: `${unknownReferenceMessage(
              "person",
              "people",
              reference,
              people.map((person) => person.id),
            )} (or write a platform id like slack:U0123ABC)`,
          });
        }
        return;
      }
      // The same person listed twice (say by id and by Slack id) is still one member.
      members.set(member.personId, member);
    });
    if (group.lead !== undefined && people !== undefined && !people.some((p) => p.id === group.lead)) {
      problems.push({
        path: ["groups", groupIndex, "lead"],
        message: unknownReferenceMessage(
          "person",
          "people",
          group.lead,
          people.map((person) => person.id),
        ),
      });
    }
    return {
      id: group.id,
      name: group.name,
      roles: [...new Set(group.roles)],
      members: [...members.values()],
      ...(group.lead === undefined ? {} : { lead: group.lead }),
    };
  });
}

/** A platform id that belongs to a declared person is that person, so roles follow them across platforms. */
function resolveMember(reference: string, people: readonly Person[]): GroupMember | undefined {
  const [platform, accountId] = reference.split(":", 2);
  const person =
    accountId === undefined
      ? people.find((candidate) => candidate.id === reference)
      : people.find((candidate) => candidate[platform === "slack" ? "slack" : "discord"] === accountId);
  if (person !== undefined) {
    return {
      personId: person.id,
      name: person.name,
      ...(person.slack === undefined ? {} : { slack: person.slack }),
      ...(person.discord === undefined ? {} : { discord: person.discord }),
    };
  }
  if (accountId === undefined) return undefined;
  return {
    personId: reference,
    name: reference,
    ...(platform === "slack" ? { slack: accountId } : { discord: accountId }),
  };
}

function resolveServices(
  declared: OpsdeskFile["services"],
  known: { groups: OpsdeskFile["groups"] | undefined; calendars: readonly string[] | undefined },
  problems: ConfigProblem[],
): Service[] {
  checkUnique(
    declared,
    {
      keyOf: (service) => service.id,
      pathOf: (index) => ["services", index, "id"],
      clash: (id, first) =>
        `"${id}" is already the id of services[${first}]; give each service an id of its own`,
    },
    problems,
  );
  const groupIds = known.groups?.map((group) => group.id);
  const serviceIds = declared.map((service) => service.id);
  declared.forEach((service, index) => {
    if (service.owner !== undefined && groupIds !== undefined && !groupIds.includes(service.owner)) {
      problems.push({
        path: ["services", index, "owner"],
        message: unknownReferenceMessage("group", "groups", service.owner, groupIds),
      });
    }
    if (
      service.calendar !== undefined &&
      known.calendars !== undefined &&
      !known.calendars.includes(service.calendar)
    ) {
      problems.push({
        path: ["services", index, "calendar"],
        message: unknownReferenceMessage("calendar", "calendars", service.calendar, known.calendars),
      });
    }
    service.dependsOn.forEach((dependency, dependencyIndex) => {
      if (!serviceIds.includes(dependency)) {
        problems.push({
          path: ["services", index, "dependsOn", dependencyIndex],
          message: unknownReferenceMessage("service", "services", dependency, serviceIds),
        });
      }
    });
  });
  reportCycles(declared, problems);
  return declared.map((service) => ({ ...service, dependsOn: [...new Set(service.dependsOn)] }));
}

function reportCycles(declared: OpsdeskFile["services"], problems: ConfigProblem[]): void {
  const edges = new Map<string, string[]>();
  for (const service of declared)
    edges.set(service.id, [...(edges.get(service.id) ?? []), ...service.dependsOn]);
  for (const cycle of findCycles(
    declared.map((service) => service.id),
    edges,
  )) {
    const [first = "", second = first] = cycle;
    const index = declared.findIndex((service) => service.id === first);
    const dependencyIndex = declared[index]?.dependsOn.indexOf(second) ?? 0;
    const loop = [...cycle, first].join(" → ");
    problems.push({
      path: ["services", index, "dependsOn", dependencyIndex],
      message:
        cycle.length === 1
          ? `"${first}" depends on itself; remove it from its own dependsOn`
          : `dependency cycle ${loop}; a service cannot depend on itself through others, so remove one of these dependsOn entries`,
    });
  }
}
