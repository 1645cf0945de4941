import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type OpsDeskProcess, runOpsDeskExpectingFailure, spawnOpsDesk } from "../../support/process.js";

const dirs: string[] = [];
const running: OpsDeskProcess[] = [];

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), "opsdesk-run-"));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await p.exited;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("GIVEN a fresh directory with no configuration at all", () => {
  it("THEN npm start creates the SQLite database, answers /healthz and /readyz, and stops cleanly on SIGTERM", async () => {
    const cwd = workdir();
    const opsdesk = await spawnOpsDesk({ cwd });
    running.push(opsdesk);

    expect(existsSync(join(cwd, "data", "opsdesk.db"))).toBe(true);
    const health = await fetch(`${opsdesk.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${opsdesk.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    expect(opsdesk.logs.some((l) => l.msg === "no configuration file; using built-in defaults")).toBe(true);

    opsdesk.child.kill("SIGTERM");
    expect(await opsdesk.exited).toBe(0);
    expect(opsdesk.logs.at(-1)?.msg).toBe("OpsDesk stopped");
  });

  it("THEN it says where the console is, and the console answers there on loopback", async () => {
    const opsdesk = await spawnOpsDesk({ cwd: workdir() });
    running.push(opsdesk);
    const consoleUrl = `${opsdesk.url}/console`;
    await expect
      .poll(() => opsdesk.logs.some((l) => l.msg === `Open the OpsDesk console: ${consoleUrl}`))
      .toBe(true);
    const page = await fetch(consoleUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>#incidents · OpsDesk console</title>");
  });

  it("THEN a second start applies no migration", async () => {
    const cwd = workdir();
    const first = await spawnOpsDesk({ cwd });
    running.push(first);
    first.child.kill("SIGTERM");
    await first.exited;
    const second = await spawnOpsDesk({ cwd });
    running.push(second);
    const migrated = second.logs.find((l) => l.msg === "database migrated");
    expect(migrated?.applied).toEqual([]);
  });
});

describe("GIVEN a configuration file with a mistake", () => {
  it("THEN start-up stops with the path in the file and what is expected, never a stack trace", async () => {
    const cwd = workdir();
    writeFileSync(
      join(cwd, "opsdesk.yaml"),
      [
        "timezone: Europe/Berlin",
        "services:",
        "  - id: payments",
        "    name: Payments",
        "    channels:",
        "      slack: 42",
        "",
      ].join("\n"),
    );
    const result = await runOpsDeskExpectingFailure({ cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("services[0].channels.slack");
    expect(result.stderr).toMatch(/opsdesk\.yaml:6:/);
    expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});

describe("GIVEN a DATABASE_URL that is neither SQLite nor PostgreSQL", () => {
  it("THEN start-up says which forms are accepted", async () => {
    const result = await runOpsDeskExpectingFailure({ cwd: workdir(), env: { DATABASE_URL: "mysql://x" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
    expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
