import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../log.js";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type ResponseListener = (answered: {
  method: string;
  path: string;
  status: number;
  seconds: number;
}) => void;

/**
 * OpsDesk's one HTTP server: health, readiness and, as adapters arrive, Slack requests, Discord HTTP
 * interactions and the console, each mounted on its own path. It counts requests in flight so shutdown
 * can wait for them.
 */
export class HttpServer {
  readonly #routes = new Map<string, RequestHandler>();
  readonly #prefixes: { prefix: string; handler: RequestHandler }[] = [];
  readonly #server: Server;
  readonly #log: Logger;
  readonly #closing: (() => void)[] = [];
  readonly #answered: ResponseListener[] = [];
  #inFlight = 0;
  #drained: (() => void) | undefined;

  constructor(log: Logger) {
    this.#log = log;
    this.#server = createServer((req, res) => this.#handle(req, res));
    // Slack and Discord expect answers within 3 s; a slow client must not hold a socket forever.
    this.#server.requestTimeout = 30_000;
    this.#server.headersTimeout = 10_000;
  }

  route(method: string, path: string, handler: RequestHandler): void {
    this.#routes.set(`${method} ${path}`, handler);
  }

  mount(prefix: string, handler: RequestHandler): void {
    this.#prefixes.push({ prefix, handler });
  }

  async listen(port: number, host: string): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, host, () => {
        this.#server.off("error", reject);
        resolve();
      });
    });
    return this.#server.address() as AddressInfo;
  }

  /** Called when a response has been sent (for the metrics: how fast each platform got its answer). */
  onResponse(listener: ResponseListener): void {
    this.#answered.push(listener);
  }

  /** Runs when close() begins: for responses that never finish by themselves (event streams). */
  onClose(hook: () => void): void {
    this.#closing.push(hook);
  }

  /** Stops accepting connections, then waits (up to `graceMs`) for requests in flight to finish. */
  async close(graceMs = 10_000): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const hook of this.#closing) hook();
    this.#server.closeIdleConnections();
    if (this.#inFlight > 0) {
      const drained = new Promise<void>((resolve) => {
        this.#drained = resolve;
      });
      const timer = setTimeout(() => {
        this.#log.warn(
          { inFlight: this.#inFlight },
          "shutdown grace period over; closing remaining connections",
        );
        this.#server.closeAllConnections();
      }, graceMs);
      await Promise.race([drained, closed]);
      clearTimeout(timer);
    }
    this.#server.closeAllConnections();
    await closed;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    this.#inFlight++;
    const startedAt = performance.now();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    res.on("finish", () => {
      const seconds = (performance.now() - startedAt) / 1000;
      for (const listener of this.#answered)
        listener({ method: req.method ?? "", path, status: res.statusCode, seconds });
    });
    res.on("close", () => {
      this.#inFlight--;
      if (this.#inFlight === 0) this.#drained?.();
    });
    const handler =
      this.#routes.get(`${req.method} ${path}`) ??
      this.#prefixes.find((p) => path.startsWith(p.prefix))?.handler;
    if (!handler) {
      sendJson(res, 404, { error: "not_found" });
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        const correlationId = randomUUID();
        this.#log.error({ err: error, correlationId, path }, "request failed");
        if (!res.headersSent) sendJson(res, 500, { error: "internal_error", correlationId });
        else res.end();
      });
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
