// Socket Mode on the local Slack: `apps.connections.open` (app-level token) hands out a one-time WebSocket
// URL; the connection gets `hello`, then envelopes (slash_commands, interactive, events_api) that the app
// must acknowledge by echoing `envelope_id`, optionally with a response payload (docs.slack.dev/apis/
// events-api/using-socket-mode).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";

export const SOCKET_MODE_PATH = "/link/";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface SocketAck {
  envelopeId: string;
  /** What the app answered with its ack (`{}` for a plain ack). */
  payload: Record<string, unknown>;
}

interface PendingAck {
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class SocketModeHub {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #tickets = new Set<string>();
  readonly #pending = new Map<string, PendingAck>();
  readonly #sockets = new Set<WebSocket>();
  #origin = "";
  /** Every acknowledgement received, in order. */
  readonly acks: SocketAck[] = [];

  attach(server: Server, httpOrigin: string): void {
    this.#origin = httpOrigin.replace(/^http/, "ws");
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const ticket = url.searchParams.get("ticket") ?? "";
      if (url.pathname !== SOCKET_MODE_PATH || !this.#tickets.delete(ticket)) {
        socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
    });
  }

  /** The URL `apps.connections.open` returns: usable once, like Slack's tickets. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.#tickets.add(ticket);
    return `${this.#origin}${SOCKET_MODE_PATH}?ticket=${ticket}`;
  }

  get connected(): number {
    return [...this.#sockets].filter((ws) => ws.readyState === WebSocket.OPEN).length;
  }

  /** Resolves once an app has connected and been greeted. */
  async waitForConnection(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connected === 0) {
      if (Date.now() > deadline) throw new Error("no Socket Mode connection within the timeout");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * Sends one envelope to the connected app and resolves with its acknowledgement. Pass `envelopeId` and
   * `retryAttempt` to imitate a redelivery of an envelope the app did not acknowledge in time.
   */
  send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: { envelopeId?: string; retryAttempt?: number; timeoutMs?: number } = {},
  ): Promise<SocketAck> {
    const ws = [...this.#sockets].find((s) => s.readyState === WebSocket.OPEN);
    if (!ws) return Promise.reject(new Error("no app is connected over Socket Mode"));
    const envelopeId = options.envelopeId ?? randomUUID();
    const acked = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(envelopeId);
        reject(new Error(`envelope ${envelopeId} was not acknowledged`));
      }, options.timeoutMs ?? 3_000);
      this.#pending.set(envelopeId, { resolve, reject, timer });
    });
    ws.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
        ...(options.retryAttempt !== undefined
          ? { retry_attempt: options.retryAttempt, retry_reason: "timeout" }
          : {}),
      }),
    );
    return acked;
  }

  close(): void {
    for (const ws of this.#sockets) ws.terminate();
    for (const [, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error("the local Slack closed"));
    }
    this.#pending.clear();
    this.#wss.close();
  }

  #accept(ws: WebSocket): void {
    this.#sockets.add(ws);
    ws.on("close", () => this.#sockets.delete(ws));
    ws.on("message", (data) => this.#onMessage(String(data)));
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.#sockets.size,
        debug_info: { host: "applink-fake", approximate_connection_time: 18060 },
        connection_info: { app_id: "A0FAKEAPP" },
      }),
    );
  }

  #onMessage(text: string): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (typeof message.envelope_id !== "string") return;
    const ack: SocketAck = {
      envelopeId: message.envelope_id,
      payload: (message.payload ?? {}) as Record<string, unknown>,
    };
    this.acks.push(ack);
    const pending = this.#pending.get(ack.envelopeId);
    if (!pending) return;
    this.#pending.delete(ack.envelopeId);
    clearTimeout(pending.timer);
    pending.resolve(ack);
  }
}
