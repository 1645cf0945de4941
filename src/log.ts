import { pino } from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs on stdout, one object per line, so any log shipper can read them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: "opsdesk" }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
