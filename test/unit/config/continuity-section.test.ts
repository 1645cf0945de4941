import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/parse.js";
import { problemsOf, yaml } from "./problems-of.js";

const desk = [
  "groups:",
  "  - { id: dba, name: Database team }",
  "services:",
  "  - { id: payments, name: Payments }",
];

describe("GIVEN a continuity plan", () => {
  it("THEN its objectives, ordered steps with owner groups and contacts are read", () => {
    const config = parseConfig(
      yaml(
        ...desk,
        "continuity:",
        "  drillEvery: 30d",
        "  plans:",
        "    - service: payments",
        "      rto: 4h",
        "      rpo: 15m",
        "      mtd: 8h",
        '      contacts: ["DBA on call: +1 555 0100"]',
        "      steps:",
        "        - { title: Fail over the database, owner: dba }",
      ),
      "opsdesk.yaml",
    );
    expect(config.continuity).toEqual({
      drillEveryMinutes: 30 * 1440,
      refreshEveryMinutes: 1,
      plans: [
        {
          serviceId: "payments",
          rtoMinutes: 240,
          rpoMinutes: 15,
          mtdMinutes: 480,
          ordered: true,
          contacts: ["DBA on call: +1 555 0100"],
          steps: [{ title: "Fail over the database", ownerGroupId: "dba" }],
        },
      ],
    });
  });
});

describe("GIVEN mistakes in a continuity plan", () => {
  it("THEN each names its line and path and says what to write", () => {
    expect(
      problemsOf(
        yaml(
          ...desk,
          "continuity:",
          "  plans:",
          "    - { service: payments, rto: soon, rpo: 15m, mtd: 8h, steps: [] }",
        ),
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /opsdesk\.yaml:7:\d+ continuity\.plans\[0\]\.rto: expected a duration like 30m/,
        ),
        expect.stringMatching(
          /opsdesk\.yaml:7:\d+ continuity\.plans\[0\]\.steps: expected at least one recovery step/,
        ),
      ]),
    );
  });

  it("THEN an unknown service or owner group, a second plan for a service and an RTO past the MTD are caught", () => {
    const problems = problemsOf(
      yaml(
        ...desk,
        "continuity:",
        "  plans:",
        "    - { service: paymnts, rto: 1h, rpo: 5m, mtd: 2h, steps: [{ title: Restore, owner: dbas }] }",
        "    - { service: payments, rto: 1h, rpo: 5m, mtd: 2h, steps: [{ title: Restore, owner: dba }] }",
        "    - { service: payments, rto: 3h, rpo: 5m, mtd: 2h, steps: [{ title: Restore, owner: dba }] }",
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/continuity\.plans\[0\]\.service: .*paymnts/),
        expect.stringMatching(/continuity\.plans\[0\]\.steps\[0\]\.owner: .*dbas/),
        expect.stringContaining(
          'continuity.plans[2].service: "payments" already has a plan in continuity.plans[1]; write one plan per service',
        ),
        expect.stringContaining(
          "continuity.plans[2].rto: the recovery time objective must not be longer than the maximum tolerable downtime (mtd)",
        ),
      ]),
    );
  });
});
