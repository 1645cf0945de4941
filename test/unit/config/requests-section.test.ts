import { describe, expect, it } from "vitest";
import { loadConfigFile } from "../../../src/config/load.js";
import { parseConfig } from "../../../src/config/parse.js";
import { problemsOf, yaml } from "./problems-of.js";

const EXAMPLE = new URL("../../../manifests/opsdesk.example.yaml", import.meta.url).pathname;

const peopleAndGroups = [
  "people:",
  "  - { id: rita, name: Rita }",
  "  - { id: ada, name: Ada }",
  "groups:",
  "  - { id: service-desk, name: Service desk, members: [ada] }",
];

describe("GIVEN no requests section", () => {
  it("THEN the catalog is empty and a fulfilled request may be reopened for 5 days", () => {
    const config = parseConfig(yaml("timezone: UTC"), "opsdesk.yaml");
    expect(config.requests.items).toEqual([]);
    expect(config.requests.reopenWithinMinutes).toBe(5 * 24 * 60);
  });
});

describe("GIVEN the example catalog", () => {
  it("THEN it has the five documented items with their approvals and tasks", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    const { items, categories } = config.requests;
    expect(items.map((item) => item.id)).toEqual([
      "laptop",
      "software-licence",
      "system-access",
      "password-reset",
      "new-starter",
    ]);
    expect(categories.map((c) => c.id)).toEqual(["hardware", "software", "access"]);
    const licence = items.find((item) => item.id === "software-licence");
    expect(licence?.approval).toEqual([
      { kind: "manager" },
      { kind: "group", group: "service-desk", quorum: { kind: "count", value: 1 } },
    ]);
    const access = items.find((item) => item.id === "system-access");
    expect(access?.approval).toEqual([
      { kind: "group", group: "platform", quorum: { kind: "percent", value: 50 } },
    ]);
    expect(access?.taskOrder).toBe("parallel");
    expect(items.find((item) => item.id === "password-reset")?.approval).toEqual([]);
    const starter = items.find((item) => item.id === "new-starter");
    expect(starter?.fields).toHaveLength(9);
    expect(new Set(starter?.fields.map((f) => f.type))).toEqual(
      new Set(["text", "date", "person", "choice", "yesno", "multichoice", "longtext"]),
    );
    expect(items.find((item) => item.id === "laptop")?.fields.find((f) => f.id === "ram")).toMatchObject({
      type: "number",
      default: "16",
      min: 8,
      max: 64,
    });
    expect(config.requests.managers.alan).toBe("ada");
  });

  it("THEN the laptop and the password reset carry their SLA targets and calendars", async () => {
    const { config } = await loadConfigFile(EXAMPLE);
    const sla = (id: string) => config.requests.items.find((item) => item.id === id)?.sla;
    expect(sla("laptop")).toEqual({
      response: { text: "8h", ms: 8 * 3_600_000 },
      fulfilment: { text: "40h", ms: 40 * 3_600_000 },
      calendar: "business",
    });
    expect(sla("password-reset")).toMatchObject({ calendar: "24x7", thresholds: [50, 90] });
    expect(sla("system-access")).toBeUndefined();
    expect(config.requests.approvalDeadline).toEqual({
      remindAfter: { text: "4h", ms: 4 * 3_600_000 },
      escalateAfter: { text: "8h", ms: 8 * 3_600_000 },
      calendar: "business",
    });
  });
});

describe("GIVEN mistakes in the catalog", () => {
  it("THEN each names its line and path and says what to write", () => {
    const problems = problemsOf(
      yaml(
        ...peopleAndGroups,
        "requests:",
        "  managers: { rita: bob }",
        "  categories:",
        "    - { id: hardware, name: Hardware }",
        "  items:",
        "    - id: laptop",
        "      name: Laptop",
        "      category: hardwear",
        "      requestableBy: [staff]",
        "      fields:",
        "        - { id: model, label: Model, type: choice }",
        "        - { id: ram, label: RAM, type: number, min: 64, max: 8 }",
        "        - { id: cc, label: Cost centre, type: text, pattern: '[0-9', default: x }",
        "        - { id: size, label: Size, type: number, default: 99, max: 32 }",
        "      fulfilment: { tasks: [{ title: Order, group: buyers }] }",
      ),
    );
    const expected = [
      'opsdesk.yaml:7:21 requests.managers.rita: no person "bob" in people',
      'opsdesk.yaml:13:17 requests.items[0].category: no category "hardwear" in requests.categories; did you mean "hardware"?',
      'opsdesk.yaml:14:23 requests.items[0].requestableBy[0]: no group "staff" in groups',
      "requests.items[0].fields[0].type: a choice field needs options",
      "requests.items[0].fields[1].max: max (8) must not be below min (64)",
      "requests.items[0].fields[2].pattern: not a valid regular expression",
      "requests.items[0].fields[3].default: the default does not fit the field: Size: must be at most 32",
      'requests.items[0].fulfilment.tasks[0].group: no group "buyers" in groups',
    ];
    for (const line of expected)
      expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(line)]));
  });

  it("THEN a field id taken by /request, an unknown type and a bad stage are refused before anything else", () => {
    const problems = problemsOf(
      yaml(
        ...peopleAndGroups,
        "requests:",
        "  items:",
        "    - id: laptop",
        "      name: Laptop",
        "      category: hardware",
        "      fields:",
        "        - { id: item, label: Item, type: text }",
        "        - { id: kind, label: Kind, type: dropdown }",
        "      approval: { group: cabb, quorum: 0 }",
      ),
    );
    expect(problems).toEqual([
      'opsdesk.yaml:12:17 requests.items[0].fields[0].id: "item" is an option of /request itself; name the field differently (e.g. "item_name")',
      'opsdesk.yaml:13:42 requests.items[0].fields[1].type: expected a field type: text, longtext, choice, multichoice, person, date, number, yesno, got "dropdown"',
      "opsdesk.yaml:14:17 requests.items[0].approval: expected none, manager, { group: …, quorum: … } or a list of those stages in order, got a mapping",
    ]);
  });

  it("THEN an SLA with a day target, a stray key or an unknown calendar is refused with its path", () => {
    const problems = problemsOf(
      yaml(
        ...peopleAndGroups,
        "requests:",
        "  categories: [{ id: hw, name: Hardware }]",
        "  items:",
        "    - { id: a, name: A, category: hw, sla: { response: 1d, fulfilment: 8h, within: 2 } }",
      ),
    );
    expect(problems).toEqual([
      expect.stringContaining('opsdesk.yaml:9:56 requests.items[0].sla.response: "1d" counts days'),
      expect.stringContaining("opsdesk.yaml:9:76 requests.items[0].sla.within: unknown key"),
    ]);
    const references = problemsOf(
      yaml(
        ...peopleAndGroups,
        "requests:",
        "  categories: [{ id: hw, name: Hardware }]",
        "  items:",
        "    - { id: b, name: B, category: hw, sla: { response: 1h, fulfilment: 8h, calendar: office } }",
      ),
    );
    expect(references).toEqual([
      expect.stringContaining('requests.items[0].sla.calendar: no calendar "office" in calendars'),
    ]);
  });

  it("THEN an approval deadline escalating before it reminds, or on an unknown calendar, is refused", () => {
    const early = problemsOf(
      yaml(...peopleAndGroups, "requests:", "  approvalDeadline: { remindAfter: 8h, escalateAfter: 4h }"),
    );
    expect(early).toEqual([
      expect.stringContaining(
        "requests.approvalDeadline.escalateAfter: escalateAfter must be later than remindAfter",
      ),
    ]);
    const unknown = problemsOf(
      yaml(
        ...peopleAndGroups,
        "requests:",
        "  approvalDeadline: { remindAfter: 4h, escalateAfter: 8h, calendar: office }",
      ),
    );
    expect(unknown).toEqual([
      expect.stringContaining('requests.approvalDeadline.calendar: no calendar "office" in calendars'),
    ]);
  });

  it("THEN references are checked once the shapes are right", () => {
    const problems = problemsOf(
      yaml(
        ...peopleAndGroups,
        "requests:",
        "  taskChannels: { buyers: { console: '#buyers' } }",
        "  categories: [{ id: hw, name: Hardware }]",
        "  items:",
        "    - { id: a, name: A, category: hw, approval: [manager, { group: cabb }] }",
        "    - { id: a, name: B, category: hw, fulfilment: { tasks: [{ title: Order, group: buyers }] } }",
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('requests.taskChannels.buyers: no group "buyers" in groups'),
        expect.stringContaining('requests.items[0].approval[1].group: no group "cabb" in groups'),
        expect.stringContaining('requests.items[1].id: "a" is already the id of requests.items[0]'),
        expect.stringContaining('requests.items[1].fulfilment.tasks[0].group: no group "buyers" in groups'),
      ]),
    );
  });
});
