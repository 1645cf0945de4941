/**
 * The logging the outbox needs, in pino's call shape (fields first, then message), so the app passes its
 * pino logger and tests pass a recorder. Dead letters are logged at error level: they are never silent.
 */
export interface OutboxLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: OutboxLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
