// Starts OpsDesk as a real process, the way `npm start` does, and reads its JSON log lines.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../../src/paths.js";

/** Node arguments that run src/main.ts from any working directory (tsx resolved from the project). */
export function mainArgs(root: string): string[] {
  const loader = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
  return ["--import", loader, join(root, "src", "main.ts")];
}

export interface OpsDeskProcess {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns src/main.ts through tsx; resolves once the "ready" log line arrives, rejects if it exits first. */
export async function spawnOpsDesk(options: {
  cwd: string;
  env?: Record<string, string>;
}): Promise<OpsDeskProcess> {
  const root = projectRoot();
  const port = await freePort();
  const child = spawn(process.execPath, mainArgs(root), {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // "close", not "exit": exit can fire before the last stdout chunk (say, "OpsDesk stopped") was read.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === "OpsDesk is ready") resolve(String(entry.url));
      }
    });
    exited.then((code) => reject(new Error(`OpsDesk exited with ${code} before it was ready:\n${stderr}`)));
  });
  const url = await ready;
  return { child, url, logs, stderr: () => stderr, exited };
}

/** Runs OpsDesk expecting it to fail at start-up; returns its exit code and what it printed. */
export async function runOpsDeskExpectingFailure(options: {
  cwd: string;
  env?: Record<string, string>;
}): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const root = projectRoot();
  const child = spawn(process.execPath, mainArgs(root), {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", PORT: String(await freePort()), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("close", (c) => resolve(c)));
  return { code, stderr, stdout };
}
