import type { Db } from "../db/client.js";
import { type HttpServer, sendJson } from "./server.js";

export interface ReadinessState {
  migrationsApplied: boolean;
  shuttingDown: boolean;
}

/**
 * /healthz: the process is alive (for restarts). /readyz: this replica should receive traffic: migrations
 * applied, database answering, not shutting down (for load balancers).
 */
export function registerHealthRoutes(server: HttpServer, db: Db, state: ReadinessState): void {
  server.route("GET", "/healthz", (_req, res) => sendJson(res, 200, { status: "ok" }));
  server.route("GET", "/readyz", async (_req, res) => {
    if (state.shuttingDown) return sendJson(res, 503, { status: "shutting_down" });
    if (!state.migrationsApplied) return sendJson(res, 503, { status: "migrating" });
    try {
      await db.$queryRaw`SELECT 1`;
      sendJson(res, 200, { status: "ready" });
    } catch (error) {
      sendJson(res, 503, { status: "database_unreachable", detail: (error as Error).message });
    }
  });
}
