// What `npm start` prints: on a terminal (a pseudo-terminal from util-linux `script`), the console URL first,
// then readable lines; piped, JSON lines only.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/paths.js";
import { freePort, mainArgs } from "../../support/process.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm start`'s process until `until` shows in its output, then stops it with SIGTERM. */
async function runUntil(options: { tty: boolean; env?: Record<string, string>; until: RegExp }) {
  const cwd = mkdtempSync(join(tmpdir(), "opsdesk-logs-"));
  dirs.push(cwd);
  const port = await freePort();
  const node = [process.execPath, ...mainArgs(projectRoot())];
  const [command, args] = options.tty
    ? ["script", ["-qfec", node.map((a) => `'${a}'`).join(" "), "/dev/null"]]
    : [node[0] ?? "", node.slice(1)];
  const child = spawn(command, args as string[], {
    cwd,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (options.until.test(output)) resolve();
    });
    closed.then(() => reject(new Error(`exited before ${options.until}:\n${output}`)));
  });
  child.kill("SIGTERM");
  await closed;
  return { port, output };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what a terminal gets
const plain = (text: string) => text.replaceAll(/\u001b\[[0-9;]*m/g, "").replaceAll("\r", "");

describe("GIVEN npm start on a terminal, with no chat credentials", () => {
  it("THEN the first line is where the console is, and the log lines after it are readable, not JSON", async () => {
    const { port, output } = await runUntil({ tty: true, until: /OpsDesk is ready/ });
    const lines = plain(output)
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines[0]?.trim()).toBe(`Open the OpsDesk console: http://127.0.0.1:${port}/console`);
    expect(lines.some((line) => line.trimStart().startsWith("{"))).toBe(false);
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: database migrated \{.*"provider":"sqlite"/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: OpsDesk is ready \{/));
  });

  it("THEN LOG_FORMAT=json writes JSON lines there too", async () => {
    const { output } = await runUntil({
      tty: true,
      env: { LOG_FORMAT: "json" },
      until: /"OpsDesk is ready"/,
    });
    const lines = plain(output)
      .split("\n")
      .filter((line) => line.trim().startsWith("{"));
    expect(lines.map((line) => JSON.parse(line).msg)).toContain("OpsDesk is ready");
  });
});

describe("GIVEN npm start piped to another program", () => {
  it("THEN every line is a JSON object, the console URL among them", async () => {
    const { port, output } = await runUntil({ tty: false, until: /"OpsDesk is ready"/ });
    const entries = output
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { msg: string; url?: string });
    expect(entries).toContainEqual(
      expect.objectContaining({
        msg: `Open the OpsDesk console: http://127.0.0.1:${port}/console`,
        url: `http://127.0.0.1:${port}/console`,
      }),
    );
    expect(entries.map((e) => e.msg)).toContain("OpsDesk is ready");
  });
});
