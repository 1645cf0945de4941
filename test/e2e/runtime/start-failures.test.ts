// Start-up failures an operator can fix are one readable line that says what to fix (like the config
// errors), never a stack trace; a database that is not reachable yet is waited for, saying so each time.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createScratchDatabase, postgresAdminUrl, postgresAvailability } from "../../support/postgres.js";
import {
  freePort,
  type OpsDeskProcess,
  runOpsDeskExpectingFailure,
  spawnOpsDesk,
} from "../../support/process.js";

const postgres = await postgresAvailability();
const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
const running: OpsDeskProcess[] = [];

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), "opsdesk-fail-"));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await p.exited;
  }
  for (const cleanup of cleanups.splice(0)) await cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const stackTrace = /\n\s+at .+\(.+:\d+:\d+\)/;

/** `OpsDesk cannot start:` and then exactly one line with the reason. */
function reasonOf(result: { code: number | null; stderr: string }): string {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(stackTrace);
  const lines = result.stderr.trim().split("\n");
  expect(lines[0]).toBe("OpsDesk cannot start:");
  expect(lines).toHaveLength(2);
  return lines[1] ?? "";
}

function withPath(url: string, database: string, user?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user !== undefined) parsed.username = user;
  return parsed.toString();
}

describe("GIVEN the port is taken by another program", () => {
  it("THEN start-up says which port and how to choose another", async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, "127.0.0.1");
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const result = await runOpsDeskExpectingFailure({
      cwd: workdir(),
      env: { PORT: String(port), HOST: "127.0.0.1" },
    });
    expect(reasonOf(result)).toBe(
      `Port ${port} on 127.0.0.1 is already in use (another OpsDesk or another program): stop it, or set PORT to a free port.`,
    );
  });
});

describe("GIVEN OPSDESK_CONFIG names a file that does not exist", () => {
  it("THEN start-up stops instead of running on the built-in defaults", async () => {
    const cwd = workdir();
    const result = await runOpsDeskExpectingFailure({
      cwd,
      env: { OPSDESK_CONFIG: join(cwd, "opsdesk.yml") },
    });
    expect(reasonOf(result)).toBe(
      `OPSDESK_CONFIG: ${join(cwd, "opsdesk.yml")} does not exist; fix the path, or unset OPSDESK_CONFIG to start on the built-in defaults`,
    );
  });
});

describe("GIVEN an opsdesk.yaml whose aliases expand like a billion laughs", () => {
  it("THEN start-up refuses it as a mistake in the file, at once", async () => {
    const cwd = workdir();
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const lines = levels.map((name, i) => {
      const item = i === 0 ? '"lol"' : `*${levels[i - 1]}`;
      return `${name}: &${name} [${Array(9).fill(item).join(", ")}]`;
    });
    writeFileSync(join(cwd, "opsdesk.yaml"), `${lines.join("\n")}\ntimezone: *h\n`);
    const result = await runOpsDeskExpectingFailure({ cwd });
    expect(reasonOf(result)).toBe(
      "./opsdesk.yaml: its aliases (*name) expand too far (more than 100 times); write the values out instead of nesting anchors",
    );
  });
});

describe("GIVEN a SQLite path OpsDesk cannot create", () => {
  it("THEN start-up names the file and what to check", async () => {
    const result = await runOpsDeskExpectingFailure({
      cwd: workdir(),
      env: { DATABASE_URL: "file:/dev/null/opsdesk.db" },
    });
    expect(reasonOf(result)).toBe(
      "Cannot open the SQLite file /dev/null/opsdesk.db (EEXIST): check that its folder can be created and that OpsDesk may write there, or set DATABASE_URL=file:<another path>.",
    );
  });
});

(postgres.available ? describe : describe.skip)("GIVEN PostgreSQL refuses what DATABASE_URL asks for", () => {
  it("THEN a role that does not exist is named, with how to fix it", async () => {
    const url = withPath(postgresAdminUrl, "postgres", "nobody_at_all");
    const result = await runOpsDeskExpectingFailure({ cwd: workdir(), env: { DATABASE_URL: url } });
    expect(reasonOf(result)).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:5432 refused role "nobody_at_all" \(it does not exist or may not connect from here\): fix the user in DATABASE_URL/,
    );
  });

  it("THEN a database that does not exist is named, with how to create it", async () => {
    const url = withPath(postgresAdminUrl, "opsdesk_not_created");
    const result = await runOpsDeskExpectingFailure({ cwd: workdir(), env: { DATABASE_URL: url } });
    expect(reasonOf(result)).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:5432 has no database "opsdesk_not_created": create it/,
    );
  });
});

describe("GIVEN a PostgreSQL server that cannot be reached", () => {
  it("THEN start-up retries with a line per attempt, then gives up with one readable line", async () => {
    const port = await freePort();
    const result = await runOpsDeskExpectingFailure({
      cwd: workdir(),
      env: {
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/opsdesk`,
        OPSDESK_DATABASE_WAIT: "3s",
        LOG_FORMAT: "json",
      },
    });
    expect(reasonOf(result)).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED): check that it is running and that DATABASE_URL names the right host and port. Waited 3s (OPSDESK_DATABASE_WAIT).`,
    );
    const attempts = result.stdout
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { level: number; msg: string; attempt?: number })
      .filter((line) => line.attempt !== undefined);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    for (const line of attempts) {
      expect(line.level).toBe(40);
      expect(line.msg).toMatch(
        /^Cannot reach PostgreSQL at .+ Trying again in \d+(\.\d)?s \(waiting up to 3s, OPSDESK_DATABASE_WAIT\)\.$/,
      );
    }
  });
});

(postgres.available ? describe : describe.skip)(
  "GIVEN PostgreSQL comes up while OpsDesk waits for it",
  () => {
    it("THEN OpsDesk starts by itself once it answers", async () => {
      const scratch = await createScratchDatabase();
      cleanups.push(scratch.drop);
      const target = new URL(scratch.url);
      const port = await freePort();
      // A door that drops the first connection (the server is "still starting"), then lets the rest through.
      const sockets: Socket[] = [];
      let knocks = 0;
      const door: Server = createServer((client) => {
        sockets.push(client);
        if (++knocks === 1) return void client.destroy();
        const upstream = connect(Number(target.port || 5432), target.hostname);
        sockets.push(upstream);
        client.pipe(upstream).pipe(client);
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
      }).listen(port, "127.0.0.1");
      cleanups.push(async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => door.close(() => resolve()));
      });
      const late = new URL(scratch.url);
      late.port = String(port);
      const opsdesk = await spawnOpsDesk({
        cwd: workdir(),
        env: { DATABASE_URL: late.toString(), OPSDESK_DATABASE_WAIT: "60s", OPSDESK_CONSOLE: "off" },
      });
      running.push(opsdesk);
      expect(opsdesk.logs.filter((line) => line.attempt !== undefined).length).toBeGreaterThanOrEqual(1);
      expect((await fetch(`${opsdesk.url}/readyz`)).status).toBe(200);
    });
  },
);
