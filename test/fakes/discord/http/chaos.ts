import type { RouteMatcher } from "../types.js";

export interface RateLimitRule {
  kind: "rate-limit";
  matches: (method: string, path: string) => boolean;
  remaining: number;
  retryAfterSec: number;
  global: boolean;
}

export interface FailureRule {
  kind: "failure";
  matches: (method: string, path: string) => boolean;
  remaining: number;
  status: number;
  body: unknown;
  /** The request takes effect (the message is posted) and only the answer is an error, as when a
   * platform's front end times out after its backend committed. */
  afterApplying: boolean;
}

export type ChaosRule = RateLimitRule | FailureRule;

/**
 * Compiles `"POST /channels/:id/messages"` (method optional, `:name` or `*` matching one segment) or a
 * predicate into a matcher over the decoded path below `/api/v10`.
 */
export function compileRoute(route: RouteMatcher): (method: string, path: string) => boolean {
  if (typeof route === "function") return (method, path) => route({ method, path });
  const trimmed = route.trim();
  const space = trimmed.indexOf(" ");
  const wantedMethod = space >= 0 ? trimmed.slice(0, space).toUpperCase() : undefined;
  const template = (space >= 0 ? trimmed.slice(space + 1) : trimmed).split("/").filter(Boolean);
  return (method, path) => {
    if (wantedMethod && wantedMethod !== method.toUpperCase()) return false;
    const segments = path.split("/").filter(Boolean);
    if (segments.length !== template.length) return false;
    return template.every((part, index) => part === "*" || part.startsWith(":") || part === segments[index]);
  };
}

/** On-demand 429s and 5xx failures, consumed in the order they were armed. */
export class Chaos {
  private readonly rules: ChaosRule[] = [];

  add(rule: ChaosRule): void {
    this.rules.push(rule);
  }

  take(method: string, path: string): ChaosRule | undefined {
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && candidate.matches(method, path));
    if (rule) rule.remaining -= 1;
    return rule;
  }
}
