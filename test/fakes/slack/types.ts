// Public shapes of the local Slack fake. Field names follow Slack's wire format (snake_case) wherever the value
// mirrors something Slack itself returns, so assertions read like Slack payloads.

export type Args = Record<string, unknown>;

export interface RecordedCall {
  /** Web API method such as `chat.postMessage`, or `response_url` for posts to an issued response_url. */
  method: string;
  /** Arguments as Slack would see them: form and JSON bodies merged, JSON-encoded fields (blocks, view…) parsed. */
  args: Args;
  /** Where the token came from; Slack ignores a `token` inside a JSON body. */
  auth: "header" | "body" | "none";
  contentType: string;
  time: number;
  status: number;
  response: unknown;
}

export interface FakeReaction {
  name: string;
  users: string[];
  count: number;
}

export interface FakeMessage {
  type: "message";
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  /** Files shared with the message (files.completeUploadExternal). */
  files?: FakeSharedFile[];
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  edited?: { user: string; ts: string };
  reactions: FakeReaction[];
  pinned: boolean;
  /** Present on thread parents only: the replies in ts order (a snapshot). */
  replies?: FakeMessage[];
  reply_count?: number;
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  via: "chat.postEphemeral" | "response_url";
  deleted: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  is_archived: boolean;
  created: number;
  creator: string;
  members: string[];
  topic: { value: string; creator: string; last_set: number };
  purpose: { value: string; creator: string; last_set: number };
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  email?: string;
  tz?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface FakeView {
  id: string;
  team_id: string;
  type: string;
  user: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, unknown> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  closed: boolean;
}

/** Where an issued response_url points: the conversation, the user, and the message it came from, if any. */
export interface ResponseUrlContext {
  channelId: string;
  userId: string;
  messageTs?: string;
  isEphemeral?: boolean;
}

export interface SeedChannel {
  id?: string;
  name: string;
  isPrivate?: boolean;
  members?: string[];
  /** Whether the bot is a member; default true. */
  botIsMember?: boolean;
}

export interface FakeSlackOptions {
  /** Clock in epoch milliseconds; drives ts values, trigger_id expiry and response_url expiry. */
  now?: () => number;
  botToken?: string;
  appToken?: string;
  teamId?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** Replaces the default `#general` channel. */
  channels?: SeedChannel[];
  /** Replaces the default human user (U0ALICE). The bot user always exists. */
  users?: FakeUser[];
  /** With the `chat:write.public` scope a bot may post to public channels it has not joined. Default false. */
  chatWritePublic?: boolean;
}

export interface RateLimitRule {
  times: number;
  retryAfterSec: number;
}

export interface FailureRule {
  status: number;
  times?: number;
  /** Body sent with the failure; default `{ ok: false, error: "fatal_error" }` for 5xx. */
  body?: string;
  /** Apply the call (post the message) and only then answer with the failure. */
  afterApplying?: boolean;
}

/** A file as files.getUploadURLExternal announced it; `bytes` once its upload URL received them. */
export interface FakeUpload {
  id: string;
  filename: string;
  length: number;
  altTxt?: string;
  bytes?: Buffer;
  /** Shared by files.completeUploadExternal: an upload is completed once. */
  completed: boolean;
}

/** A file in a message, as Slack's message objects list it. */
export interface FakeSharedFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  alt_txt?: string;
}
