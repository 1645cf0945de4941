import { OpsDeskError } from "../kernel/errors.js";

/**
 * Start-up cannot go on for a reason the operator can fix (a port in use, a database that refuses the
 * role): one readable line that says what to do, printed without a stack trace like a ConfigError.
 */
export class StartupError extends OpsDeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("startup_failed", message, options);
  }
}
