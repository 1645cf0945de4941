import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/defaults.js";
import { parseConfig } from "../../../src/config/parse.js";
import { problemsOf, yaml } from "./problems-of.js";

const groupsAndServices = [
  "groups:",
  "  - { id: cab, name: CAB, roles: [cab] }",
  "services:",
  "  - { id: payments, name: Payments }",
];

describe("GIVEN no changes section", () => {
  it("THEN one CAB approval decides, with the documented prompt timings", () => {
    const config = parseConfig(yaml("timezone: UTC"), "opsdesk.yaml");
    expect(config.changes).toEqual(defaultConfig().changes);
    expect(config.changes.normal.quorum).toEqual({ kind: "count", value: 1 });
  });
});

describe("GIVEN mistakes in the changes section", () => {
  it("THEN each names its line and path and says what to write", () => {
    const problems = problemsOf(
      yaml(
        ...groupsAndServices,
        "changes:",
        "  normal: { approvers: cabb, quorum: 150% }",
        "  emergency: { quorum: 0 }",
        "  templates:",
        "    - { id: rotate, title: Rotate, services: [paymnts], duration: soon }",
        "  blackouts:",
        '    - { name: Freeze, start: "2026-12-20 00:00", end: "2026-12-19 00:00" }',
        "  maintenanceWindows:",
        '    billing: { sat: [["22:00", "24:00"]] }',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'changes.normal.quorum: expected a number of approvals like 2, or a share of the group like "50%", got "150%"',
        ),
        expect.stringContaining("changes.emergency.quorum: expected a number of approvals like 2"),
        expect.stringContaining(
          'changes.templates[0].duration: expected a duration like 30m, 4h, 1h30m or 2d, got "soon"',
        ),
      ]),
    );
  });

  it("THEN references to groups and services that do not exist are caught after the shapes are right", () => {
    const problems = problemsOf(
      yaml(
        ...groupsAndServices,
        "changes:",
        "  normal: { approvers: cabb }",
        "  templates:",
        "    - { id: rotate, title: Rotate, services: [paymnts] }",
        "  blackouts:",
        '    - { name: Freeze, start: "2026-12-20 00:00", end: "2026-12-19 00:00" }',
        "  maintenanceWindows:",
        '    billing: { sat: [["22:00", "24:00"]] }',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('changes.normal.approvers: no group "cabb" in groups; did you mean "cab"?'),
        expect.stringContaining(
          'changes.templates[0].services[0]: no service "paymnts" in services; did you mean "payments"?',
        ),
        expect.stringContaining(
          'changes.blackouts[0].end: the blackout must end after it starts ("2026-12-20 00:00"); got "2026-12-19 00:00"',
        ),
        expect.stringContaining('no service "billing" in services'),
      ]),
    );
  });
});
