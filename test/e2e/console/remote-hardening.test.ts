// The console opened to other machines (OPSDESK_CONSOLE=remote): sign-ins expire, guessing the secret is
// throttled per address, and the cookie is Secure when the browser used HTTPS (directly or through a proxy
// OpsDesk is told to trust). Broken API requests are answered 400 with a line in the log.
import { afterEach, describe, expect, it } from "vitest";
import { sessionToken } from "../../../src/adapters/console/access.js";
import { ConsoleApi, type ConsoleWorld, startConsoleWorld } from "../../support/console-world.js";
import { captureLog } from "../../support/log-lines.js";

const secret = "a-console-secret-of-some-length";
const remote = { OPSDESK_CONSOLE: "remote", OPSDESK_CONSOLE_SECRET: secret };
const open: ConsoleWorld[] = [];

afterEach(async () => {
  for (const world of open.splice(0)) await world.close();
});

async function start(env: Record<string, string> = {}, log = captureLog()) {
  const world = await startConsoleWorld({ ...remote, ...env }, { log: log.log });
  open.push(world);
  return { world, log };
}

function signIn(world: ConsoleWorld, value: string, headers: Record<string, string> = {}) {
  return fetch(`${world.opsdesk.url}/console/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ secret: value }),
    redirect: "manual",
  });
}

const page = (world: ConsoleWorld, cookie: string) =>
  fetch(`${world.opsdesk.url}/console`, { headers: { cookie } });

describe("GIVEN a person signed in to the remote console", () => {
  it("THEN the sign-in lasts 12 hours by default and ends by itself after that", async () => {
    const { world } = await start();
    const signedIn = await signIn(world, secret);
    const setCookie = signedIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain("Max-Age=43200");
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).not.toContain("Secure");
    expect((await page(world, setCookie.split(";")[0] ?? "")).status).toBe(200);

    const hoursAgo = (hours: number) =>
      `opsdesk_console=${sessionToken(secret, Date.now() - hours * 3_600_000)}`;
    expect((await page(world, hoursAgo(11))).status).toBe(200);
    const expired = await page(world, hoursAgo(13));
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('<label for="secret">Console secret</label>');
    // A cookie made with another secret, or tampered with, never counts.
    expect(
      (await page(world, `opsdesk_console=${sessionToken("another-secret-entirely", Date.now())}`)).status,
    ).toBe(401);
  });

  it("THEN OPSDESK_CONSOLE_SESSION sets how long", async () => {
    const { world } = await start({ OPSDESK_CONSOLE_SESSION: "30m" });
    expect((await signIn(world, secret)).headers.get("set-cookie")).toContain("Max-Age=1800");
    const minutesAgo = (m: number) => `opsdesk_console=${sessionToken(secret, Date.now() - m * 60_000)}`;
    expect((await page(world, minutesAgo(29))).status).toBe(200);
    expect((await page(world, minutesAgo(31))).status).toBe(401);
  });
});

describe("GIVEN someone guessing the console secret", () => {
  it("THEN after 10 wrong secrets their address is refused with 429 for a while, even with the right one, and others are not", async () => {
    const { world } = await start({ OPSDESK_TRUST_PROXY: "true" });
    const from = (address: string) => ({ "x-forwarded-for": `203.0.113.9, ${address}` });
    for (let i = 0; i < 10; i++)
      expect((await signIn(world, `guess-${i}`, from("198.51.100.7"))).status).toBe(401);
    const throttled = await signIn(world, secret, from("198.51.100.7"));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await throttled.text()).toContain(
      "Too many wrong secrets from your address. Try again in 15 minutes.",
    );
    // A program's bearer token from that address waits too.
    const program = new ConsoleApi(world.opsdesk.url, {
      authorization: `Bearer ${secret}`,
      ...from("198.51.100.7"),
    });
    expect((await program.raw("/workspace")).status).toBe(429);
    // Someone else, behind the same proxy, signs in as usual.
    expect((await signIn(world, secret, from("198.51.100.8"))).status).toBe(303);
  });

  it("THEN wrong bearer tokens count as wrong secrets", async () => {
    const { world } = await start();
    const wrong = new ConsoleApi(world.opsdesk.url, { authorization: "Bearer not-the-secret" });
    for (let i = 0; i < 10; i++) expect((await wrong.raw("/workspace")).status).toBe(401);
    const refused = await wrong.raw("/workspace");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toBe("too_many_attempts");
  });
});

describe("GIVEN the console behind an HTTPS proxy", () => {
  it("THEN the cookie is Secure when the trusted proxy says the browser used HTTPS", async () => {
    const { world } = await start({ OPSDESK_TRUST_PROXY: "true" });
    const https = await signIn(world, secret, { "x-forwarded-proto": "https" });
    expect(https.headers.get("set-cookie")).toMatch(/; Secure$/);
    expect(
      (await signIn(world, secret, { "x-forwarded-proto": "http" })).headers.get("set-cookie"),
    ).not.toContain("Secure");
  });

  it("THEN without OPSDESK_TRUST_PROXY the header is not believed", async () => {
    const { world } = await start();
    const claimed = await signIn(world, secret, {
      "x-forwarded-proto": "https",
      "x-forwarded-for": "198.51.100.1",
    });
    expect(claimed.headers.get("set-cookie")).not.toContain("Secure");
  });
});

describe("GIVEN a signed-in program sending a broken request", () => {
  it("THEN the answer is 400 with what is wrong, and the log has one line saying why", async () => {
    const { world, log } = await start();
    const program = new ConsoleApi(world.opsdesk.url, { authorization: `Bearer ${secret}` });
    const nulChannel = JSON.stringify({ as: "ada", channel: "#inc\u0000idents", text: "help" });
    for (const body of ["{not json", "[]", JSON.stringify({ as: "ada" }), nulChannel]) {
      const before = log.lines().length;
      const answer = await program.raw("/command", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: string }).error).toBe("bad_request");
      const lines = log.lines().slice(before);
      expect(lines.filter((line) => line.msg === "refused a malformed chat request")).toHaveLength(1);
      expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    }
  });
});
