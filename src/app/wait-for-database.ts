import { connectionProblem } from "../db/connection-problem.js";
import type { DatabaseLocation } from "../db/location.js";
import type { Logger } from "../log.js";
import { StartupError } from "./startup-error.js";

/**
 * Runs the first contact with the database (the migrations), waiting for a database that cannot be reached
 * yet (a server still starting next to OpsDesk) for up to `waitMs`, with one readable line per attempt. A
 * database that answers but refuses (wrong role, no such database) stops start-up at once: waiting would
 * not fix it.
 */
export async function waitForDatabase<T>(
  location: DatabaseLocation,
  firstContact: () => Promise<T>,
  options: { waitMs: number; log: Logger; sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + options.waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await firstContact();
    } catch (error) {
      const problem = connectionProblem(error, location);
      if (problem === undefined) throw error;
      const left = deadline - Date.now();
      if (!problem.retry || left <= 0) {
        const waited =
          problem.retry && options.waitMs > 0
            ? ` Waited ${seconds(options.waitMs)} (OPSDESK_DATABASE_WAIT).`
            : "";
        throw new StartupError(`${problem.message}${waited}`, { cause: error });
      }
      // 1 s, 2 s, 4 s, then every 5 s: quick when the server is just starting, quiet when it is down.
      const pause = Math.min(1000 * 2 ** (attempt - 1), 5_000, left);
      options.log.warn(
        { attempt, retryInMs: pause, database: location.display },
        `${problem.message} Trying again in ${seconds(pause)} (waiting up to ${seconds(options.waitMs)}, OPSDESK_DATABASE_WAIT).`,
      );
      await sleep(pause);
    }
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}
