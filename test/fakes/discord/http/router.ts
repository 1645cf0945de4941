import type { FakeState } from "../state.js";
import type { RecordedFile } from "../types.js";

export interface RouteContext {
  method: string;
  path: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  state: FakeState;
  param(name: string): string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export type RouteHandler = (context: RouteContext) => RouteResult | Promise<RouteResult>;

export interface RouteDefinition {
  method: string;
  /** e.g. `/channels/:channelId/messages`; also names the rate-limit bucket. */
  template: string;
  /** Interaction callbacks and token webhooks are called without `Authorization` (discord.js `auth: false`). */
  auth: boolean;
  handler: RouteHandler;
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: RouteDefinition[] = [];

  add(method: string, template: string, handler: RouteHandler, options: { auth?: boolean } = {}): this {
    this.routes.push({ method, template, handler, auth: options.auth ?? true });
    return this;
  }

  /** Matches a decoded path against the routes in registration order; the first match wins. */
  match(method: string, path: string): RouteMatch | undefined {
    const segments = path.split("/").filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const parts = route.template.split("/").filter(Boolean);
      if (parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = parts.every((part, index) => {
        const segment = segments[index] ?? "";
        if (part.startsWith(":")) {
          params[part.slice(1)] = segment;
          return true;
        }
        return part === segment;
      });
      if (ok) return { route, params };
    }
    return undefined;
  }
}
