import { hex, slackId, TsClock, triggerId } from "./ids.js";
import type {
  FakeChannel,
  FakeEphemeral,
  FakeMessage,
  FakeSlackOptions,
  FakeUpload,
  FakeUser,
  FakeView,
  ResponseUrlContext,
  SeedChannel,
} from "./types.js";

export const DEFAULTS = {
  botToken: "xoxb-0000000000-fake-opsdesk-bot-token",
  appToken: "xapp-1-A0FAKEAPP-0000000000-fake-opsdesk-app-token",
  teamId: "T0FAKETEAM",
  teamDomain: "opsdesk-fake",
  botUserId: "U0FAKEBOT",
  botId: "B0FAKEBOT",
  appId: "A0FAKEAPP",
  generalChannelId: "C0GENERAL",
  aliceUserId: "U0ALICE",
} as const;

/** Slack: a trigger_id can be exchanged once, within 3 seconds of the interaction (docs: "Handling user interaction"). */
export const TRIGGER_TTL_MS = 3_000;
/** Slack: a response_url accepts up to 5 responses within 30 minutes (docs: "Handling user interaction"). */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

export interface IssuedTrigger {
  id: string;
  userId: string;
  issuedAt: number;
  used: boolean;
}

export interface IssuedResponseUrl {
  id: string;
  context: ResponseUrlContext;
  issuedAt: number;
  uses: number;
}

/** Everything the fake workspace knows. API handlers mutate it; FakeSlack reads snapshots of it. */
export class SlackState {
  readonly now: () => number;
  readonly ts: TsClock;
  readonly botToken: string;
  /** App-level token (xapp-…): the only token `apps.connections.open` accepts. */
  readonly appToken: string;
  /** Hands out a one-time Socket Mode URL; set by FakeSlack once it listens. */
  issueSocketUrl: () => string = () => "";
  readonly teamId: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly chatWritePublic: boolean;
  readonly channels = new Map<string, FakeChannel>();
  readonly users = new Map<string, FakeUser>();
  /** Keyed by `${channel}/${ts}`; deleted messages are removed. */
  readonly messages = new Map<string, FakeMessage>();
  readonly ephemerals: FakeEphemeral[] = [];
  readonly views = new Map<string, FakeView>();
  readonly triggers = new Map<string, IssuedTrigger>();
  readonly responseUrls = new Map<string, IssuedResponseUrl>();
  /** Files announced by files.getUploadURLExternal, by file id. */
  readonly uploads = new Map<string, FakeUpload>();
  /** The URL files.getUploadURLExternal hands out for a file id; set by FakeSlack once it listens. */
  uploadUrl: (fileId: string) => string = (fileId) => `/upload/v1/${fileId}`;

  constructor(options: FakeSlackOptions) {
    this.now = options.now ?? Date.now;
    this.ts = new TsClock(this.now);
    this.botToken = options.botToken ?? DEFAULTS.botToken;
    this.appToken = options.appToken ?? DEFAULTS.appToken;
    this.teamId = options.teamId ?? DEFAULTS.teamId;
    this.teamDomain = options.teamDomain ?? DEFAULTS.teamDomain;
    this.botUserId = options.botUserId ?? DEFAULTS.botUserId;
    this.botId = options.botId ?? DEFAULTS.botId;
    this.appId = options.appId ?? DEFAULTS.appId;
    this.chatWritePublic = options.chatWritePublic ?? false;
    this.addUser({ id: this.botUserId, name: "opsdesk", real_name: "OpsDesk", is_bot: true });
    const humans = options.users ?? [{ id: DEFAULTS.aliceUserId, name: "alice", real_name: "Alice Admin" }];
    for (const user of humans) this.addUser(user);
    const channels = options.channels ?? [
      { id: DEFAULTS.generalChannelId, name: "general", members: humans.map((u) => u.id) },
    ];
    for (const channel of channels) this.addChannel(channel);
  }

  addUser(user: FakeUser): FakeUser {
    this.users.set(user.id, { ...user });
    return user;
  }

  addChannel(seed: SeedChannel): FakeChannel {
    const members = new Set(seed.members ?? []);
    if (seed.botIsMember ?? true) members.add(this.botUserId);
    const channel = this.newChannel(seed.id ?? slackId(seed.isPrivate ? "G" : "C"), seed.name, {
      isPrivate: seed.isPrivate ?? false,
      creator: this.botUserId,
      members: [...members],
    });
    return channel;
  }

  newChannel(
    id: string,
    name: string,
    opts: { isPrivate: boolean; creator: string; members: string[]; isIm?: boolean },
  ): FakeChannel {
    const channel: FakeChannel = {
      id,
      name,
      is_private: opts.isPrivate,
      is_im: opts.isIm ?? false,
      is_archived: false,
      created: Math.floor(this.now() / 1000),
      creator: opts.creator,
      members: opts.members,
      topic: { value: "", creator: "", last_set: 0 },
      purpose: { value: "", creator: "", last_set: 0 },
    };
    this.channels.set(id, channel);
    return channel;
  }

  /** Posting to a user id opens (or reuses) the bot's DM with that user, as chat.postMessage does. */
  resolveChannel(idOrUser: string): FakeChannel | undefined {
    const channel = this.channels.get(idOrUser);
    if (channel) return channel;
    if (!this.users.has(idOrUser)) return undefined;
    for (const existing of this.channels.values()) {
      if (existing.is_im && existing.members.includes(idOrUser)) return existing;
    }
    return this.newChannel(slackId("D"), idOrUser, {
      isPrivate: true,
      isIm: true,
      creator: this.botUserId,
      members: [this.botUserId, idOrUser],
    });
  }

  message(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.get(`${channel}/${ts}`);
  }

  storeMessage(message: FakeMessage): void {
    this.messages.set(`${message.channel}/${message.ts}`, message);
  }

  deleteMessage(channel: string, ts: string): boolean {
    return this.messages.delete(`${channel}/${ts}`);
  }

  issueTrigger(userId: string): string {
    const id = triggerId(this.now());
    this.triggers.set(id, { id, userId, issuedAt: this.now(), used: false });
    return id;
  }

  issueResponseUrl(context: ResponseUrlContext): string {
    const id = `${this.teamId}/${Math.floor(this.now() / 1000)}/${hex(12)}`;
    this.responseUrls.set(id, { id, context, issuedAt: this.now(), uses: 0 });
    return id;
  }

  viewsOf(userId: string): FakeView[] {
    return [...this.views.values()].filter((v) => v.user === userId && !v.closed);
  }
}
