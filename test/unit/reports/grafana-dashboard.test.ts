// The Grafana dashboard in manifests/ queries only metric families GET /metrics exposes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OpsdeskMetrics } from "../../../src/metrics/opsdesk-metrics.js";
import { projectRoot } from "../../../src/paths.js";

describe("GIVEN the Grafana dashboard", () => {
  it("THEN every metric it queries is one OpsDesk registers", () => {
    const dashboard = JSON.parse(
      readFileSync(join(projectRoot(), "manifests", "grafana-dashboard.json"), "utf8"),
    ) as {
      panels: { targets: { expr: string }[] }[];
    };
    // The registry's families, without scraping (no database here).
    const metrics = new OpsdeskMetrics(undefined as never, { now: () => new Date() });
    const families = new Set(metrics.registry.getMetricsAsArray().map((m) => (m as { name: string }).name));
    const queried = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) => [...target.expr.matchAll(/opsdesk_[a-z_]+/g)].map((m) => m[0])),
    );
    expect(queried.length).toBeGreaterThan(10);
    for (const name of queried) {
      const family = name.replace(/_(bucket|count|sum)$/, "");
      expect(families, name).toContain(family);
    }
  });
});
