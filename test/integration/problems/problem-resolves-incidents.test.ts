// A resolved problem and its incidents, with every practice running (createPractices) on a real database: the
// reporter's "Resolve as fixed by PRB-n" resolves the incident with a note naming the problem, and is refused
// once nothing resolved is linked. The direct message carrying the button is covered by the contract
// scenarios (test/contract/problems); chat drivers cannot press a button in a direct message.
import { beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/defaults.js";
import { createLogger } from "../../../src/log.js";
import { createPractices, type RunningPractices } from "../../../src/practices/index.js";
import { describeEachDatabase } from "../../support/databases.js";
import { type IncidentWorld, seedIncidentWorld } from "../../support/incident-fixtures.js";

describeEachDatabase("GIVEN an incident whose problem is resolved", (db) => {
  let world: IncidentWorld;
  let running: RunningPractices;
  const run = (subcommand: string, command: string, args: Record<string, unknown>, actor = world.agent) =>
    running[command === "problem" ? "problems" : "incidents"].practice
      .planCommand({
        name: command,
        from: "options",
        bare: false,
        parse: () => ({ command, subcommand, args }),
      })
      .run({ platform: "slack", actor });
  const press = (actor: IncidentWorld["agent"], value: string) =>
    running.incidents.practice
      .planAction("incident.resolve_fixed_by_problem", value)
      .run({ platform: "slack", actor });

  beforeAll(async () => {
    world = await seedIncidentWorld(db().handle.db, "prb");
    running = createPractices({
      db: db().handle.db,
      clock: world.clock,
      config: defaultConfig(),
      platforms: [],
      log: createLogger("silent"),
      wake: () => {},
    });
  });

  describe("WHEN the reporter presses Resolve as fixed by the problem", () => {
    it("THEN the incident is resolved as fixed with a note naming the problem, and a second press is refused", async () => {
      const raised = JSON.stringify(
        await run(
          "new",
          "incident",
          { title: "Refunds fail", impact: "medium", urgency: "medium" },
          world.reporter,
        ),
      );
      const incident = /INC-\d+/.exec(raised)?.[0] ?? "";
      const created = JSON.stringify(
        await run("new", "problem", {
          title: "Gateway drops refunds",
          impact: "medium",
          urgency: "medium",
          incidents: incident,
        }),
      );
      const problem = /PRB-\d+/.exec(created)?.[0] ?? "";
      const number = Number(problem.slice(4));
      await expect(press(world.reporter, incident)).rejects.toThrow(
        `${incident} has no resolved problem any more.`,
      );
      for (const [subcommand, args] of [
        ["assess", {}],
        ["analyse", {}],
        ["cause", { cause: "Keep-alive too short", category: "configuration" }],
        ["fix", {}],
        ["resolve", { note: "Keep-alive raised" }],
      ] as const)
        await run(subcommand, "problem", { ref: number, ...args });
      expect(JSON.stringify(await press(world.reporter, incident))).toContain(`${incident} is resolved.`);
      const row = await db().handle.db.incident.findUniqueOrThrow({
        where: { number: Number(incident.slice(4)) },
      });
      expect([row.status, row.resolutionCode, row.resolutionNote]).toEqual([
        "resolved",
        "fixed",
        `Fixed by ${problem}.`,
      ]);
      await expect(press(world.reporter, incident)).rejects.toThrow(
        `${incident} is resolved, so you cannot resolve it.`,
      );
      const timeline = await db().handle.db.timelineEntry.findMany({
        where: { ticketKind: "incident", ticketId: row.id, kind: "problem_resolved" },
      });
      expect(timeline.map((t) => t.body)).toEqual(["Keep-alive raised"]);
    });
  });
});
