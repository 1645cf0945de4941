import type { JsonRecord } from "./json.js";

export interface FakeChannelSeed {
  id: string;
  name: string;
}

export interface FakeDiscordOptions {
  /** Bot token the fake accepts in `Authorization: Bot <token>` and in gateway IDENTIFY. */
  token?: string;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  guildId?: string;
  guildName?: string;
  /** Text channels of the one guild; ids must be snowflake-shaped strings. */
  channels?: FakeChannelSeed[];
  /** The human who clicks, types and submits in built interactions. */
  userId?: string;
  username?: string;
  /** Gateway heartbeat interval sent in HELLO (ms). */
  heartbeatIntervalMs?: number;
  /** Clock for the 3 s interaction deadline and 15 min token lifetime; `advanceTime` adds to it. */
  now?: () => number;
}

/** One REST call as the fake saw it, with what it answered. */
export interface RecordedCall {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Raw request path including `/api/v10` and the query string, as sent on the wire. */
  rawPath: string;
  query: Record<string, string>;
  /** JSON body, or the parsed `payload_json` part of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  authorization: string | undefined;
  status: number;
  response: unknown;
  at: number;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The file's bytes, so a test can decode what was uploaded. */
  data: Buffer;
}

export type InteractionResponseKind =
  | "callback"
  | "edit-original"
  | "delete-original"
  | "followup"
  | "edit-followup"
  | "delete-followup";

export interface InteractionResponseRecord {
  kind: InteractionResponseKind;
  /** Callback type (4, 5, 6, 7, 8, 9) for `callback` records. */
  type?: number;
  body: unknown;
  messageId?: string;
  at: number;
}

export interface FakeMessage extends JsonRecord {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  pinned: boolean;
  edited_timestamp: string | null;
}

export interface FakeChannel extends JsonRecord {
  id: string;
  type: number;
  name: string;
  guild_id: string;
}

export type RoutePredicate = (call: { method: string; path: string }) => boolean;
export type RouteMatcher = string | RoutePredicate;
