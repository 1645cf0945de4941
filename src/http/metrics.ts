import type { HttpServer } from "./server.js";

/** What GET /metrics serves: Prometheus' text exposition and its content type. */
export interface MetricsEndpoint {
  readonly contentType: string;
  scrape(): Promise<string>;
}

/**
 * `GET /metrics` for Prometheus, open like /healthz and /readyz (no secret: it names counts, never people
 * or tickets; keep the port off the internet as for health checks).
 */
export function registerMetricsRoute(server: HttpServer, metrics: MetricsEndpoint): void {
  server.route("GET", "/metrics", async (_req, res) => {
    const body = await metrics.scrape();
    res.writeHead(200, { "content-type": metrics.contentType, "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
}
