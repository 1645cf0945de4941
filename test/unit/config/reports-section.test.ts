import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/parse.js";
import { problemsOf, yaml } from "./problems-of.js";

describe("GIVEN a reports section with a weekly digest", () => {
  it("THEN it is read as written, with a 7-day period unless said", () => {
    const config = parseConfig(
      yaml(
        "services:",
        "  - { id: payments, name: Payments }",
        "reports:",
        "  digests:",
        '    - { id: weekly, reports: [sla, incidents], service: payments, channel: { slack: C0123ABCD, console: "#reports" }, day: mon, time: "09:00" }',
      ),
      "opsdesk.yaml",
    );
    expect(config.reports.digests).toEqual([
      {
        id: "weekly",
        reports: ["sla", "incidents"],
        period: "7d",
        service: "payments",
        channel: { slack: "C0123ABCD", console: "#reports" },
        day: "mon",
        time: "09:00",
      },
    ]);
  });

  it("THEN no section means no digests", () => {
    expect(parseConfig(yaml("timezone: UTC"), "opsdesk.yaml").reports).toEqual({ digests: [] });
  });
});

describe("GIVEN mistakes in a digest", () => {
  it("THEN each names its path and says what to write", () => {
    const problems = problemsOf(
      yaml(
        "services:",
        "  - { id: payments, name: Payments }",
        "reports:",
        "  digests:",
        '    - { id: weekly, reports: [slas], channel: {}, day: monday, time: "9am" }',
      ),
    );
    const text = problems.join("\n");
    expect(text).toContain("reports.digests[0].reports[0]");
    expect(text).toContain("a report: sla, incidents, changes, backlog");
    expect(text).toContain("at least one channel id");
    expect(text).toContain("a weekday: mon, tue");
    expect(text).toContain('a start time like "09:00"');
  });

  it("THEN a service that is not declared, and an id used twice, are named", () => {
    const digest = (id: string, service: string) =>
      `    - { id: ${id}, reports: [sla], service: ${service}, channel: { slack: C0123ABCD }, day: mon, time: "09:00" }`;
    const text = problemsOf(
      yaml(
        "services:",
        "  - { id: payments, name: Payments }",
        "reports:",
        "  digests:",
        digest("weekly", "paymnts"),
        digest("weekly", "payments"),
      ),
    ).join("\n");
    expect(text).toContain('no service "paymnts" in services; did you mean "payments"?');
    expect(text).toContain('the digest id "weekly" is used twice');
  });
});
