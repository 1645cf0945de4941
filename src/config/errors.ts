import { OpsDeskError } from "../kernel/errors.js";

/**
 * The environment or the YAML file cannot be used as written. The message is for the operator starting
 * OpsDesk: one problem per line, each naming where it is and what to write instead, so it can be printed
 * as is, without a stack trace.
 */
export class ConfigError extends OpsDeskError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super("config_invalid", problems.join("\n"));
    this.problems = problems;
  }
}
