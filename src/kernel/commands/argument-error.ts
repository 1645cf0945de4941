import { ValidationError } from "../errors.js";

export interface ArgumentErrorDetails {
  /** What is wrong, naming the argument: `impact must be one of high, medium, low (got "hgih")`. */
  readonly problem: string;
  readonly usage: string;
  /** The argument to fix, so a form can show the error under its field. */
  readonly argument?: string;
  /** Another reading of the input, e.g. that the words were meant as a title. */
  readonly hint?: string;
}

function asSentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/**
 * A command argument that cannot be used. The user message is complete (problem, hint, usage); adapters
 * that show errors next to a form field use `argument` and `problem` instead.
 */
export class ArgumentError extends ValidationError {
  readonly problem: string;
  readonly usage: string;
  readonly argument: string | undefined;
  readonly hint: string | undefined;

  constructor(details: ArgumentErrorDetails, options?: { cause?: unknown }) {
    const hint = details.hint === undefined ? "" : ` ${asSentence(details.hint)}`;
    super(`${asSentence(details.problem)}${hint} Usage: ${details.usage}`, options);
    this.problem = details.problem;
    this.usage = details.usage;
    this.argument = details.argument;
    this.hint = details.hint;
  }

  withHint(hint: string): ArgumentError {
    return new ArgumentError({ ...this.details(), hint }, { cause: this.cause });
  }

  private details(): ArgumentErrorDetails {
    return {
      problem: this.problem,
      usage: this.usage,
      ...(this.argument === undefined ? {} : { argument: this.argument }),
    };
  }
}
