import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/parse.js";
import { problemsOf, yaml } from "./problems-of.js";

const groups = ["groups:", "  - { id: cab, name: CAB, roles: [cab] }"];

describe("GIVEN no releases section", () => {
  it("THEN one go from the CAB decides and a deployment stays a suspect for a day", () => {
    const config = parseConfig(yaml("timezone: UTC"), "opsdesk.yaml");
    expect(config.releases).toEqual({ quorum: { kind: "count", value: 1 }, suspectForMinutes: 1440 });
  });
});

describe("GIVEN a releases section", () => {
  it("THEN its group, quorum and suspect time are read", () => {
    const config = parseConfig(
      yaml(...groups, "releases: { approvers: cab, quorum: 50%, suspectFor: 4h }"),
      "opsdesk.yaml",
    );
    expect(config.releases).toEqual({
      approvers: "cab",
      quorum: { kind: "percent", value: 50 },
      suspectForMinutes: 240,
    });
  });

  it("THEN mistakes name their line and path and say what to write", () => {
    expect(problemsOf(yaml(...groups, "releases:", "  quorum: 0", "  suspectFor: soon"))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/opsdesk\.yaml:4:\d+ releases\.quorum: expected a number of approvals like 2/),
        expect.stringMatching(
          /opsdesk\.yaml:5:\d+ releases\.suspectFor: expected a duration like 30m, 4h, 1h30m or 2d, got "soon"/,
        ),
      ]),
    );
    expect(problemsOf(yaml(...groups, "releases:", "  approvers: cabb"))).toEqual([
      expect.stringMatching(/releases\.approvers: .*cabb/),
    ]);
  });
});
