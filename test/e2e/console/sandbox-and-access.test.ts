// Time travel only in the console's own sandbox; the console only on loopback unless explicitly opened
// with a secret; off when asked.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ConsoleApi, type ConsoleWorld, startConsoleWorld } from "../../support/console-world.js";
import { createScratchDatabase, postgresAvailability } from "../../support/postgres.js";

const postgres = await postgresAvailability();

// Slack credentials that never reach Slack: HTTP mode contacts nobody until a post is due.
const slackEnv = {
  SLACK_BOT_TOKEN: "xoxb-console-test",
  SLACK_SIGNING_SECRET: "console-test-signing-secret",
  SLACK_API_URL: "http://127.0.0.1:9/api/",
};

const open: ConsoleWorld[] = [];
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function start(env: Record<string, string> = {}, dir?: string): Promise<ConsoleWorld> {
  const world = await startConsoleWorld(env, dir ? { dir } : {});
  open.push(world);
  return world;
}

async function stop(world: ConsoleWorld): Promise<void> {
  open.splice(open.indexOf(world), 1);
  await world.close();
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), "opsdesk-console-"));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const world of open.splice(0)) await world.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function travel(world: ConsoleWorld) {
  return world.api.post<{ error: string; message: string }>("/clock", { by: "1h" });
}

describe("GIVEN OpsDesk connected to Slack", () => {
  it("THEN time travel is refused with the reason and the way to get a sandbox, and the clock does not move", async () => {
    const world = await start(slackEnv);
    const refused = await travel(world);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe("time_travel_refused");
    expect(refused.body.message).toContain("connected to Slack or Discord");
    expect(refused.body.message).toContain("DATABASE_URL=file:./data/sandbox.db");
    expect(world.opsdesk.clock.offsetMs).toBe(0);
    const page = await (await fetch(`${world.opsdesk.url}/console`)).text();
    expect(page).toContain("Time travel is refused");
    expect(page).not.toContain("Advance clock");
  });
});

describe("GIVEN a database first started with chat credentials, then without", () => {
  it("THEN it never becomes a sandbox: time travel stays refused", async () => {
    const dir = workdir();
    await stop(await start(slackEnv, dir));
    const world = await start({}, dir);
    const refused = await travel(world);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain("was not created as the console's sandbox");
  });
});

describe("GIVEN an existing SQLite file holding someone else's tables", () => {
  it("THEN OpsDesk does not take it for a sandbox: time travel is refused with the reason", async () => {
    const dir = workdir();
    const filename = join(dir, "theirs.db");
    const theirs = new Database(filename);
    theirs.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    theirs.exec("INSERT INTO invoices (total) VALUES (42.5)");
    theirs.close();
    const world = await start({ DATABASE_URL: `file:${filename}` });
    const refused = await travel(world);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(
      "was not created as the console's sandbox (it existed before with tables in it",
    );
    expect(world.opsdesk.clock.offsetMs).toBe(0);
  });
});

describe("GIVEN a sandbox whose clock was moved forward", () => {
  it("THEN a restart keeps the shift, so SLA clocks never run backwards", async () => {
    const dir = workdir();
    const first = await start({}, dir);
    expect((await first.api.post("/clock", { by: "1d" })).status).toBe(200);
    await stop(first);
    const second = await start({}, dir);
    expect(second.opsdesk.clock.offsetMs).toBe(24 * 3600_000);
    expect((await travel(second)).status).toBe(200);
  });
});

(postgres.available ? describe : describe.skip)(
  "GIVEN OpsDesk on PostgreSQL without chat credentials",
  () => {
    it("THEN the console works but time travel is refused: a shared database is never a sandbox", async () => {
      const scratch = await createScratchDatabase();
      cleanups.push(scratch.drop);
      const world = await start({ DATABASE_URL: scratch.url });
      const refused = await travel(world);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain("runs on PostgreSQL");
      expect((await world.api.get<{ people: unknown[] }>("/workspace")).people).toHaveLength(5);
    });
  },
);

describe("GIVEN OPSDESK_CONSOLE=off", () => {
  it("THEN there is no console page, API or URL", async () => {
    const world = await start({ OPSDESK_CONSOLE: "off" });
    expect((await fetch(`${world.opsdesk.url}/console`)).status).toBe(404);
    expect(world.opsdesk.consoleUrl).toBeUndefined();
  });
});

describe("GIVEN OPSDESK_CONSOLE=remote with a secret", () => {
  const secret = "a-console-secret-of-some-length";

  it("THEN nothing is served without the secret, programs use a bearer token, people sign in once", async () => {
    const world = await start({ OPSDESK_CONSOLE: "remote", OPSDESK_CONSOLE_SECRET: secret });
    const anonymous = await fetch(`${world.opsdesk.url}/console`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('<label for="secret">Console secret</label>');
    expect((await world.api.raw("/workspace")).status).toBe(401);

    const program = new ConsoleApi(world.opsdesk.url, { authorization: `Bearer ${secret}` });
    expect((await program.raw("/workspace")).status).toBe(200);
    expect(
      (await new ConsoleApi(world.opsdesk.url, { authorization: "Bearer wrong" }).raw("/workspace")).status,
    ).toBe(401);

    const signIn = (value: string) =>
      fetch(`${world.opsdesk.url}/console/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ secret: value }),
        redirect: "manual",
      });
    expect((await signIn("not-it")).status).toBe(401);
    const signedIn = await signIn(secret);
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).not.toContain(secret);
    expect((await fetch(`${world.opsdesk.url}/console`, { headers: { cookie } })).status).toBe(200);
  });
});
