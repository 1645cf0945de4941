import { pino } from "pino";
import type { LogFormat } from "./config/env.js";

export type Logger = pino.Logger;

/**
 * Structured JSON logs, one object per line, so any log shipper can read them; or, for a person at a
 * terminal, readable lines.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: "opsdesk" }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** `auto` means readable lines when stdout is a terminal and JSON lines when it is a pipe or a file. */
export function chooseLogFormat(format: LogFormat, stdoutIsTty: boolean): "json" | "pretty" {
  if (format === "auto") return stdoutIsTty ? "pretty" : "json";
  return format;
}

/**
 * Readable lines on stdout (`12:04:31 INFO: database migrated {"provider":"sqlite",…}`), written synchronously in
 * this thread (no transport worker). Imported only when used, so JSON-logging replicas never load it.
 */
export async function prettyDestination(colorize: boolean): Promise<pino.DestinationStream> {
  const { PinoPretty } = await import("pino-pretty");
  return PinoPretty({
    colorize,
    sync: true,
    destination: 1,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,service",
    singleLine: true,
  });
}

/**
 * A destination that holds what is written until released, then passes everything through. Start-up holds
 * its readable log lines so that the first line a person sees is where to go (the console URL).
 */
export interface HeldDestination extends pino.DestinationStream {
  /** Writes what was held, in order, and lets later lines through at once. Idempotent. */
  release(): void;
}

export function heldDestination(target: pino.DestinationStream): HeldDestination {
  let held: string[] | undefined = [];
  const release = () => {
    const lines = held ?? [];
    held = undefined;
    for (const line of lines) target.write(line);
  };
  return {
    write(line: string) {
      if (held) held.push(line);
      else target.write(line);
      // A warning or worse (say, a database that is not reachable yet) must not wait for a start that may
      // never come: it is shown at once, with what was held before it.
      if (held && /"level":(?:[4-9]\d)\b/.test(line)) release();
    },
    release,
  };
}
