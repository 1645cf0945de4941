import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/defaults.js";
import { loadConfigFile } from "../../../src/config/load.js";
import { parseConfig } from "../../../src/config/parse.js";
import { yaml } from "./problems-of.js";

async function scratchFile(name: string, text?: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "opsdesk-config-")), name);
  if (text !== undefined) await writeFile(path, text);
  return path;
}

describe("GIVEN no opsdesk.yaml at the configured path", () => {
  it("THEN OpsDesk starts on the built-in defaults and says so", async () => {
    const loaded = await loadConfigFile(await scratchFile("opsdesk.yaml"));
    expect(loaded.usedDefaults).toBe(true);
    expect(loaded.config).toEqual(defaultConfig());
  });
});

describe("GIVEN the built-in defaults", () => {
  const config = defaultConfig();

  it("THEN time is UTC and both the 24x7 and the Mon-Fri 09:00-17:00 business calendars exist", () => {
    expect(config.timezone).toBe("UTC");
    expect(Object.keys(config.calendars).sort()).toEqual(["24x7", "business"]);
    const business = config.calendars.business;
    expect(business?.hours.fri).toEqual([
      { start: "09:00", end: "17:00", startMinute: 540, endMinute: 1020 },
    ]);
    expect(business?.hours.sat).toEqual([]);
    expect(business?.holidays).toEqual([]);
  });

  it("THEN the priority matrix is ITIL's 3x3", () => {
    expect(config.priorityMatrix).toEqual({
      high: { high: "P1", medium: "P2", low: "P3" },
      medium: { high: "P2", medium: "P3", low: "P4" },
      low: { high: "P3", medium: "P4", low: "P5" },
    });
  });

  it("THEN there are no people, groups or services, and the console channels are #incidents, #approvals, #sla-alerts", () => {
    expect(config.people).toEqual([]);
    expect(config.groups).toEqual([]);
    expect(config.services).toEqual([]);
    expect(config.channels).toEqual({
      incidents: { console: "#incidents" },
      approvals: { console: "#approvals" },
      slaAlerts: { console: "#sla-alerts" },
    });
  });
});

describe("GIVEN an opsdesk.yaml that is empty or only comments", () => {
  it("THEN it means exactly the built-in defaults, but the file counts as present", async () => {
    const loaded = await loadConfigFile(await scratchFile("opsdesk.yaml", "# nothing yet\n"));
    expect(loaded.usedDefaults).toBe(false);
    expect(loaded.config).toEqual(defaultConfig());
  });

  it("THEN a section whose entries are all commented out means none", () => {
    expect(parseConfig(yaml("services:", "  # - id: web"), "opsdesk.yaml").services).toEqual([]);
  });
});

describe("GIVEN a file that overrides only some settings", () => {
  const config = parseConfig(
    yaml(
      "timezone: Europe/Paris",
      "priorityMatrix:",
      "  low: { high: P4 }",
      "calendars:",
      "  office:",
      "    hours: { mon: [['09:00', '17:00']] }",
      "people:",
      "  - { id: ada, name: Ada Lovelace }",
      "services:",
      "  - { id: web, name: Website }",
      "channels:",
      "  incidents: { slack: C0123ABCD }",
      // Without a business calendar, P3-P5 must say which calendar they run on (see sla.test.ts).
      "sla:",
      "  policies:",
      "    - { priority: P3, calendar: office, response: 4h, resolution: 24h }",
      "    - { priority: P4, calendar: office, response: 8h, resolution: 40h }",
      "    - { priority: P5, calendar: office, response: 16h, resolution: 80h }",
    ),
    "opsdesk.yaml",
  );

  it("THEN the matrix override is merged over the default, cell by cell", () => {
    expect(config.priorityMatrix.low).toEqual({ high: "P4", medium: "P4", low: "P5" });
    expect(config.priorityMatrix.high.high).toBe("P1");
  });

  it("THEN calendars, people and the built-in 24x7 take the top-level time zone", () => {
    expect(config.calendars.office?.timezone).toBe("Europe/Paris");
    expect(config.calendars["24x7"]?.timezone).toBe("Europe/Paris");
    expect(config.people[0]?.timezone).toBe("Europe/Paris");
  });

  it("THEN the file's calendars replace the built-in business calendar rather than adding to it", () => {
    expect(Object.keys(config.calendars).sort()).toEqual(["24x7", "office"]);
  });

  it("THEN leaving calendars out keeps the built-in business calendar, in the file's time zone", () => {
    const withoutCalendars = parseConfig(yaml("timezone: Asia/Tokyo"), "opsdesk.yaml");
    expect(withoutCalendars.calendars.business?.timezone).toBe("Asia/Tokyo");
    expect(withoutCalendars.calendars.business?.hours.mon).toEqual(
      defaultConfig().calendars.business?.hours.mon,
    );
  });

  it("THEN a service gets tier 3, no channels and no dependencies", () => {
    expect(config.services[0]).toEqual({ id: "web", name: "Website", tier: 3, channels: {}, dependsOn: [] });
  });

  it("THEN a default channel keeps its console channel next to the Slack one given", () => {
    expect(config.channels.incidents).toEqual({ slack: "C0123ABCD", console: "#incidents" });
  });
});
