// Practice.forwards: a subcommand of one practice answered by another's command (`/sla report` is
// `/report sla`), routed by the desk; a forward the registry cannot honour stops start-up.
import { describe, expect, it } from "vitest";
import { planFor } from "../../../src/desk/plan.js";
import { routesFor } from "../../../src/desk/route.js";
import { choice } from "../../../src/kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand } from "../../../src/kernel/commands/command-spec.js";
import type { AnyCommand, CommandForward, Practice } from "../../../src/kernel/practice.js";
import { privateNotice } from "../../../src/kernel/views/reply.js";

const period = () =>
  choice(
    ["7d", "30d"] as const,
    { "7d": "7 days", "30d": "30 days" },
    { positional: true, description: "Period", default: "7d" },
  );
const old = defineCommand({
  name: "old",
  description: "The old command",
  subcommands: {
    report: defineSubcommand({ description: "Old report", args: { period: period() }, examples: [] }),
    show: defineSubcommand({ description: "Show", args: {}, examples: [] }),
  },
});
const report = defineCommand({
  name: "report",
  description: "Reports",
  subcommands: { sla: defineSubcommand({ description: "SLA", args: { period: period() }, examples: [] }) },
});

/** A practice that answers with the command it was handed, so the test sees what reached whom. */
function practice(id: string, commands: Practice["commands"], forwards?: CommandForward[]): Practice {
  return {
    id,
    commands,
    ...(forwards ? { forwards } : {}),
    planCommand: (call) => {
      const parsed: AnyCommand = call.parse();
      return {
        opensForm: false,
        run: async () =>
          privateNotice(
            "info",
            `${id}: ${parsed.command} ${parsed.subcommand} ${JSON.stringify(parsed.args)}`,
          ),
      };
    },
    planAction: () => ({ opensForm: false, run: async () => privateNotice("info", "") }),
    action: () => undefined,
  };
}

const forward: CommandForward = {
  command: "old",
  subcommand: "report",
  to: { command: "report", subcommand: "sla" },
};
const request = {} as never;

describe("GIVEN /old report forwarded to /report sla", () => {
  const routes = routesFor([practice("old", [old], [forward]), practice("reports", [report])]);

  it("THEN typed text and Discord options both reach the reports practice with the same arguments", async () => {
    const typed = await planFor(routes, {
      kind: "command_text",
      command: "/old",
      text: "report 30d",
    } as never).run(request);
    const options = await planFor(routes, {
      kind: "command_options",
      command: "old",
      subcommand: "report",
      options: { period: "30d" },
    } as never).run(request);
    expect(typed).toEqual(privateNotice("info", 'reports: report sla {"period":"30d"}'));
    expect(options).toEqual(typed);
  });

  it("THEN the old command's other subcommands stay with their practice", async () => {
    const reply = await planFor(routes, { kind: "command_text", command: "old", text: "show" } as never).run(
      request,
    );
    expect(reply).toEqual(privateNotice("info", "old: old show {}"));
  });
});

describe("GIVEN a forward the registry cannot honour", () => {
  it("THEN start-up stops naming the missing target or argument", () => {
    const missing = { ...forward, to: { command: "report", subcommand: "nope" } };
    expect(() => routesFor([practice("old", [old], [missing]), practice("reports", [report])])).toThrow(
      "Forward /old report -> /report nope: no such command in the registry",
    );
    const narrow = defineCommand({
      name: "report",
      description: "Reports",
      subcommands: { sla: defineSubcommand({ description: "SLA", args: {}, examples: [] }) },
    });
    expect(() => routesFor([practice("old", [old], [forward]), practice("reports", [narrow])])).toThrow(
      'the target has no argument "period"',
    );
  });
});
