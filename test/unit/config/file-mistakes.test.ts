import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/parse.js";
import { problemsOf, yaml } from "./problems-of.js";

const twoServices = (...extra: string[]) =>
  yaml("services:", "  - id: web", "    name: Website", "  - id: db", "    name: Database", ...extra);

describe("GIVEN a value of the wrong kind", () => {
  it("THEN the problem names the file, line, column and path of the value, what to write and what was found", () => {
    const text = twoServices("  - id: api", "    name: API", "    channels:", "      slack: 42");
    expect(problemsOf(text)).toEqual([
      "opsdesk.yaml:9:14 services[2].channels.slack: expected a Slack channel id like C0123ABCD, got 42",
    ]);
  });

  it("THEN an unquoted Discord id is refused with the reason, since YAML has already rounded it", () => {
    const text = yaml("people:", "  - id: ada", "    name: Ada", "    discord: 123456789012345678");
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:4:14 people[0].discord: expected a Discord user id in quotes like "123456789012345678", got an unquoted number; YAML rounds numbers this long, so put the id in quotes',
    ]);
  });

  it("THEN an empty value points at its key", () => {
    const text = yaml("people:", "  - id: ada", "    name: Ada", "    slack:");
    expect(problemsOf(text)).toEqual([
      "opsdesk.yaml:4:5 people[0].slack: expected a Slack user id like U0123ABC, got an empty value",
    ]);
  });

  it("THEN a bad time zone, tier and priority each say what is allowed", () => {
    const text = yaml(
      "timezone: Europe/Pariss",
      "priorityMatrix:",
      "  high: { high: P0 }",
      "services:",
      "  - { id: web, name: Website, tier: 5 }",
    );
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:1:11 timezone: expected an IANA time zone like Europe/Paris or UTC, got "Europe/Pariss"; did you mean Europe/Paris?',
      'opsdesk.yaml:3:17 priorityMatrix.high.high: expected a priority P1, P2, P3, P4 or P5, got "P0"',
      "opsdesk.yaml:5:37 services[0].tier: expected a tier 1, 2, 3 or 4 (1 is the most critical), got 5",
    ]);
  });

  it("THEN a malformed id is shown with the form ids take", () => {
    expect(problemsOf(yaml("groups:", "  - id: Service Desk", "    name: Service Desk"))).toEqual([
      'opsdesk.yaml:2:9 groups[0].id: expected an id of lowercase letters, digits, "-" or "_" like "service-desk", got "Service Desk"',
    ]);
  });

  it("THEN the top level must be a mapping", () => {
    expect(problemsOf(yaml("- timezone: UTC"))).toEqual([
      "opsdesk.yaml:1:1 expected a mapping of settings (timezone, calendars, priorityMatrix, people, groups, services, channels, changes, releases, continuity, requests, cmdb, assets, problems, sla, reports), got a list",
    ]);
  });
});

describe("GIVEN a required key left out", () => {
  it("THEN the problem points at the entry where the key belongs", () => {
    expect(problemsOf(twoServices("  - id: api", "    tier: 2"))).toEqual([
      'opsdesk.yaml:6:5 services[2].name: missing; expected a display name like "Ada Lovelace"',
    ]);
  });
});

describe("GIVEN an unknown key", () => {
  it("THEN a near miss is named with the key it was probably meant to be, at the key itself", () => {
    expect(problemsOf(twoServices("    dependOn: [web]"))).toEqual([
      'opsdesk.yaml:6:5 services[1].dependOn: unknown key; did you mean "dependsOn"?',
    ]);
  });

  it("THEN a key nothing like any known one lists the keys allowed there", () => {
    expect(problemsOf(yaml("people:", "  - id: ada", "    name: Ada", "    email: ada@example.com"))).toEqual(
      [
        'opsdesk.yaml:4:5 people[0].email: unknown key; the keys allowed here are "id", "name", "timezone", "slack", "discord"',
      ],
    );
  });

  it("THEN misspelt sections and weekdays are caught too", () => {
    const text = yaml(
      "timezon: UTC",
      "calendars:",
      "  office:",
      "    hours:",
      "      monday: [['09:00', '17:00']]",
    );
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:1:1 timezon: unknown key; did you mean "timezone"?',
      'opsdesk.yaml:5:7 calendars.office.hours.monday: unknown key; did you mean "mon"?',
      'opsdesk.yaml:5:7 calendars.office.hours: a calendar with no working hours would stop every SLA clock on it; add at least one interval like mon: [["09:00", "17:00"]]',
    ]);
  });
});

describe("GIVEN calendar hours that do not make sense", () => {
  const calendar = (...hours: string[]) => yaml("calendars:", "  business:", "    hours:", ...hours);

  it("THEN an interval that ends before it starts is refused, with the way to cross midnight", () => {
    expect(problemsOf(calendar("      mon: [['17:00', '09:00']]"))).toEqual([
      'opsdesk.yaml:4:13 calendars.business.hours.mon[0]: the interval must end after it starts, got ["17:00", "09:00"]; for a shift past midnight, end this day at "24:00" and start the next at "00:00"',
    ]);
  });

  it("THEN overlapping and out-of-order intervals name the interval they clash with", () => {
    const text = calendar(
      "      mon: [['09:00', '13:00'], ['12:00', '17:00']]",
      "      tue: [['13:00', '17:00'], ['09:00', '12:00']]",
    );
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:4:33 calendars.business.hours.mon[1]: ["12:00", "17:00"] overlaps ["09:00", "13:00"]; start it at "13:00" or later, or merge the two',
      'opsdesk.yaml:5:33 calendars.business.hours.tue[1]: intervals must be in time order; move ["09:00", "12:00"] before ["13:00", "17:00"]',
    ]);
  });

  it("THEN split shifts that touch and a day ending at 24:00 are fine", () => {
    const config = parseConfig(
      calendar("      mon: [['00:00', '12:00'], ['12:00', '24:00']]", "      sun: []"),
      "x",
    );
    expect(config.calendars.business?.hours.mon.map((interval) => interval.endMinute)).toEqual([720, 1440]);
  });

  it("THEN malformed times and impossible holidays say what a correct one looks like", () => {
    const text = calendar(
      "      mon: [['9am', '24:30'], ['18:00']]",
      "    holidays: ['2025-02-30', 20251225]",
    );
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:4:14 calendars.business.hours.mon[0][0]: expected a start time like "09:00" (00:00 to 23:59), got "9am"',
      'opsdesk.yaml:4:21 calendars.business.hours.mon[0][1]: expected an end time like "17:00" (00:01 to 24:00), got "24:30"',
      'opsdesk.yaml:4:31 calendars.business.hours.mon[1]: expected an interval like ["09:00", "17:00"], got ["18:00"]',
      'opsdesk.yaml:5:16 calendars.business.holidays[0]: expected a real calendar date like "2025-12-25", got "2025-02-30"',
      'opsdesk.yaml:5:30 calendars.business.holidays[1]: expected a date like "2025-12-25", got 20251225',
    ]);
  });

  it("THEN redefining the built-in 24x7 calendar is refused at its key", () => {
    expect(problemsOf(yaml("calendars:", "  24x7:", "    hours: { mon: [['09:00', '17:00']] }"))).toEqual([
      "opsdesk.yaml:2:3 calendars.24x7: 24x7 is built in (every day, all day, no holidays) and cannot be redefined; give your calendar another id",
    ]);
  });
});

describe("GIVEN ids that are declared twice", () => {
  it("THEN the second use is reported and the first one named", () => {
    const text = yaml(
      "people:",
      "  - { id: ada, name: Ada, slack: U0123ABC }",
      "  - { id: ada, name: Ada Again }",
      "  - { id: grace, name: Grace, slack: U0123ABC }",
      "groups:",
      "  - { id: desk, name: Desk }",
      "  - { id: desk, name: Desk Again }",
    );
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:3:11 people[1].id: "ada" is already the id of people[0]; give each person an id of their own',
      "opsdesk.yaml:4:38 people[2].slack: U0123ABC is already the Slack id of ada (people[0]); a Slack account belongs to one person only",
      'opsdesk.yaml:7:11 groups[1].id: "desk" is already the id of groups[0]; give each group an id of its own',
    ]);
  });

  it("THEN two services with one id are caught", () => {
    expect(problemsOf(yaml("services:", "  - { id: web, name: A }", "  - { id: web, name: B }"))).toEqual([
      'opsdesk.yaml:3:11 services[1].id: "web" is already the id of services[0]; give each service an id of its own',
    ]);
  });
});

describe("GIVEN references to things that are not declared", () => {
  it("THEN owners, calendars and dependencies each name what is declared or the likely intended id", () => {
    const text = yaml(
      "groups:",
      "  - { id: platform, name: Platform }",
      "services:",
      "  - id: web",
      "    name: Website",
      "    owner: platfrom",
      "    calendar: office",
      "    dependsOn: [dtabase, cache]",
      "  - { id: database, name: Database, owner: dba }",
    );
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:6:12 services[0].owner: no group "platfrom" in groups; did you mean "platform"?',
      'opsdesk.yaml:7:15 services[0].calendar: no calendar "office" in calendars; declared calendars are "24x7", "business"',
      'opsdesk.yaml:8:17 services[0].dependsOn[0]: no service "dtabase" in services; did you mean "database"?',
      'opsdesk.yaml:8:26 services[0].dependsOn[1]: no service "cache" in services; declared services are "web", "database"',
      'opsdesk.yaml:9:44 services[1].owner: no group "dba" in groups; declared groups are "platform"',
    ]);
  });

  it("THEN group members must be declared people or well-formed chat accounts", () => {
    const text = yaml(
      "people:",
      "  - { id: ada, name: Ada }",
      "groups:",
      "  - id: desk",
      "    name: Desk",
      "    members: [ada, adaa, bob, 'slack:u123', 'discord:42', 'Bob Smith']",
    );
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:6:31 groups[0].members[3]: expected a Slack user id after "slack:" like slack:U0123ABC, got "slack:u123"',
      'opsdesk.yaml:6:45 groups[0].members[4]: expected a Discord user id after "discord:" like "discord:123456789012345678", got "discord:42"',
      'opsdesk.yaml:6:59 groups[0].members[5]: expected a person id from people, or a platform id like slack:U0123ABC or discord:123456789012345678, got "Bob Smith"',
    ]);
    const fixed = text.replace(", 'slack:u123', 'discord:42', 'Bob Smith'", "");
    expect(problemsOf(fixed)).toEqual([
      'opsdesk.yaml:6:20 groups[0].members[1]: no person "adaa" in people; did you mean "ada"? (or write a platform id like slack:U0123ABC)',
      'opsdesk.yaml:6:26 groups[0].members[2]: no person "bob" in people; declared people are "ada" (or write a platform id like slack:U0123ABC)',
    ]);
  });
});

describe("GIVEN services that depend on each other in a loop", () => {
  it("THEN the whole cycle is named, at the dependency of its first service", () => {
    const text = yaml(
      "services:",
      "  - { id: web, name: Website, dependsOn: [api] }",
      "  - { id: api, name: API, dependsOn: [db] }",
      "  - { id: db, name: Database, dependsOn: [web] }",
      "  - { id: cache, name: Cache, dependsOn: [cache] }",
    );
    expect(problemsOf(text)).toEqual([
      "opsdesk.yaml:2:43 services[0].dependsOn[0]: dependency cycle web → api → db → web; a service cannot depend on itself through others, so remove one of these dependsOn entries",
      'opsdesk.yaml:5:43 services[3].dependsOn[0]: "cache" depends on itself; remove it from its own dependsOn',
    ]);
  });
});

describe("GIVEN a file with several mistakes in different sections", () => {
  const text = yaml(
    "timezone: Mars/Olympus",
    "people:",
    "  - { id: ada, name: Ada, slack: ada }",
    "groups:",
    "  - { id: desk, name: Desk, roles: [agents] }",
    "services:",
    "  - { id: web, name: Website, owner: nobody }",
    "channels:",
    "  incidents: { console: incidents }",
  );

  it("THEN every one of them is reported at once, in file order, one per line", () => {
    expect(problemsOf(text)).toEqual([
      'opsdesk.yaml:1:11 timezone: expected an IANA time zone like Europe/Paris or UTC, got "Mars/Olympus"',
      'opsdesk.yaml:3:34 people[0].slack: expected a Slack user id like U0123ABC, got "ada"',
      'opsdesk.yaml:5:37 groups[0].roles[0]: expected a role: agent, cab or admin, got "agents"',
      'opsdesk.yaml:9:25 channels.incidents.console: expected a console channel name like "#incidents", got "incidents"',
    ]);
  });

  it("THEN a check that depends on a broken section waits rather than guessing (the owner is checked once groups are valid)", () => {
    expect(problemsOf(text).some((line) => line.includes("nobody"))).toBe(false);
  });
});

describe("GIVEN a YAML syntax error", () => {
  it("THEN it is reported with its line and column, and nothing else is checked", () => {
    const problems = problemsOf(yaml("people:", "  - id: ada", "   name: [Ada", "services: 3"));
    expect(problems).toEqual([
      "opsdesk.yaml:3:1 YAML syntax error: Sequence item without - indicator",
      "opsdesk.yaml:4:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  it("THEN a key written twice in one mapping is reported where it repeats", () => {
    expect(problemsOf(yaml("timezone: UTC", "timezone: Europe/Paris"))).toEqual([
      "opsdesk.yaml:2:1 YAML syntax error: Map keys must be unique",
    ]);
  });
});
