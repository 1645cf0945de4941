import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { asArray, asNumber, asRecord, asString, type JsonRecord } from "../json.js";
import type { FakeState } from "../state.js";
import { guildCreatePayload, readyPayload } from "./payloads.js";

// https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway
const OP = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  presenceUpdate: 3,
  voiceStateUpdate: 4,
  resume: 6,
  reconnect: 7,
  requestGuildMembers: 8,
  invalidSession: 9,
  hello: 10,
  heartbeatAck: 11,
} as const;

const CLOSE = {
  unknownOpcode: 4001,
  decodeError: 4002,
  notAuthenticated: 4003,
  authFailed: 4004,
  alreadyAuthenticated: 4005,
};

interface Session {
  id: string;
  socket: WebSocket | undefined;
  seq: number;
  intents: number;
}

/** The v10 JSON gateway (no compression: discord.js only asks for zlib-stream when zlib-sync is installed). */
export class FakeGateway {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly state: FakeState) {
    state.events.on("dispatch", (event: string, data: JsonRecord, intent: number | undefined) => {
      this.dispatch(event, data, intent);
    });
    this.server.on("connection", (socket: WebSocket) => this.accept(socket));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit("connection", ws, request));
  }

  /** Identified sessions with an open socket. */
  get connectedSessions(): number {
    return [...this.sessions.values()].filter((session) => session.socket?.readyState === 1).length;
  }

  dispatch(event: string, data: JsonRecord, intent?: number): void {
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.send(session, event, data);
    }
  }

  /** Sends op 7 RECONNECT: discord.js closes with 4200 and comes back with RESUME. */
  requestReconnect(): void {
    for (const session of this.sessions.values())
      session.socket?.send(JSON.stringify({ op: OP.reconnect, d: null, s: null, t: null }));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    let session: Session | undefined;
    socket.on("close", () => {
      this.sockets.delete(socket);
      if (session?.socket === socket) session.socket = undefined;
    });
    socket.on("message", (raw) => {
      let payload: JsonRecord;
      try {
        payload = asRecord(JSON.parse(String(raw)));
      } catch {
        socket.close(CLOSE.decodeError, "Error while decoding payload.");
        return;
      }
      const op = payload.op;
      const d = asRecord(payload.d);
      if (op === OP.heartbeat) {
        socket.send(JSON.stringify({ op: OP.heartbeatAck, d: null, s: null, t: null }));
      } else if (op === OP.identify) {
        if (session) return socket.close(CLOSE.alreadyAuthenticated, "Already authenticated.");
        session = this.identify(socket, d);
      } else if (op === OP.resume) {
        session = this.resume(socket, d);
      } else if (!session) {
        socket.close(CLOSE.notAuthenticated, "Not authenticated.");
      } else if (op === OP.requestGuildMembers) {
        this.sendMembersChunk(session, d);
      } else if (op !== OP.presenceUpdate && op !== OP.voiceStateUpdate) {
        socket.close(CLOSE.unknownOpcode, "Unknown opcode.");
      }
    });
    socket.send(
      JSON.stringify({
        op: OP.hello,
        d: { heartbeat_interval: this.state.config.heartbeatIntervalMs },
        s: null,
        t: null,
      }),
    );
  }

  private tokenMatches(token: unknown): boolean {
    // @discordjs/ws sends the bare token; some libraries prefix "Bot ".
    const bare = asString(token)?.replace(/^Bot /, "");
    return bare === this.state.config.token;
  }

  private identify(socket: WebSocket, d: JsonRecord): Session | undefined {
    if (!this.tokenMatches(d.token)) {
      socket.close(CLOSE.authFailed, "Authentication failed.");
      return undefined;
    }
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      socket,
      seq: 0,
      intents: asNumber(d.intents) ?? 0,
    };
    this.sessions.set(session.id, session);
    this.send(session, "READY", readyPayload(this.state, session.id));
    this.send(session, "GUILD_CREATE", guildCreatePayload(this.state));
    return session;
  }

  private resume(socket: WebSocket, d: JsonRecord): Session | undefined {
    const session = this.sessions.get(asString(d.session_id) ?? "");
    if (!session || !this.tokenMatches(d.token)) {
      // d: false tells the client the session cannot be resumed; it re-identifies.
      socket.send(JSON.stringify({ op: OP.invalidSession, d: false, s: null, t: null }));
      return undefined;
    }
    session.socket?.terminate();
    session.socket = socket;
    // Events missed while disconnected are not replayed by the fake.
    this.send(session, "RESUMED", {});
    return session;
  }

  private sendMembersChunk(session: Session, d: JsonRecord): void {
    const wanted = new Set(asArray(d.user_ids).map(String));
    const members = [this.state.botMember(), this.state.humanMember()].filter((member) => {
      const id = asRecord(member.user).id;
      return wanted.size === 0 || wanted.has(String(id));
    });
    this.send(session, "GUILD_MEMBERS_CHUNK", {
      guild_id: this.state.config.guildId,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(typeof d.nonce === "string" ? { nonce: d.nonce } : {}),
    });
  }

  private send(session: Session, event: string, data: JsonRecord): void {
    if (session.socket?.readyState !== 1) return;
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: OP.dispatch, t: event, s: session.seq, d: data }));
  }
}
