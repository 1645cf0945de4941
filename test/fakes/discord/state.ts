import { EventEmitter } from "node:events";
import { apiMember, apiUser, textChannel, type UserSeed } from "./entities.js";
import type { JsonRecord } from "./json.js";
import { SnowflakeGenerator } from "./snowflake.js";
import type {
  FakeChannel,
  FakeDiscordOptions,
  FakeMessage,
  InteractionResponseRecord,
  RecordedCall,
} from "./types.js";

export interface InteractionState {
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  channelId: string;
  issuedAt: number;
  acknowledged: boolean;
  /** For component and modal-from-component interactions: the message the component sits on. */
  sourceMessageId: string | undefined;
  originalMessageId: string | undefined;
  followupIds: string[];
  responses: InteractionResponseRecord[];
  /**
   * HTTP interactions mode: settles once the app's HTTP answer has been applied as the initial response.
   * Discord applies that answer before anything the app sends afterwards over REST, so the interaction's
   * webhooks wait for it instead of racing it.
   */
  httpAnswer?: Promise<void>;
}

export interface StoredCommand extends JsonRecord {
  id: string;
  name: string;
}

export interface FakeConfig {
  token: string;
  applicationId: string;
  guildId: string;
  guildName: string;
  bot: UserSeed;
  human: UserSeed;
  heartbeatIntervalMs: number;
}

/** The fake's whole world. One instance per `startFakeDiscord`. */
export class FakeState {
  /** Benchmarks and concurrent tests await many interactions at once: one listener each. */
  readonly events = new EventEmitter().setMaxListeners(0);
  readonly config: FakeConfig;
  readonly ids: SnowflakeGenerator;
  readonly channels = new Map<string, FakeChannel>();
  /** Messages per channel in creation order; edits mutate in place. */
  readonly messages = new Map<string, FakeMessage[]>();
  readonly globalCommands: StoredCommand[] = [];
  readonly guildCommands = new Map<string, StoredCommand[]>();
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  readonly threadMembers = new Map<string, Set<string>>();
  /** The bytes of each uploaded attachment, by attachment id. */
  readonly attachmentData = new Map<string, Buffer>();
  readonly calls: RecordedCall[] = [];
  readonly guildCreatedAt: string;
  /** Filled in once the server listens. */
  gatewayUrl = "";
  /**
   * Whether the bot holds PIN_MESSAGES (1 << 51) in the guild. Since 2026-02-23 pinning needs it and
   * MANAGE_MESSAGES alone no longer does (https://discord.com/developers/docs/change-log#pin-permission-split).
   */
  botCanPin = true;
  private clockOffsetMs = 0;
  private readonly pendingResponses: Array<{
    interaction: InteractionState;
    record: InteractionResponseRecord;
  }> = [];
  private readonly baseNow: () => number;

  constructor(options: FakeDiscordOptions) {
    this.baseNow = options.now ?? Date.now;
    this.ids = new SnowflakeGenerator(() => this.now());
    this.config = {
      token: options.token ?? "fake-bot-token.opsdesk.test",
      applicationId: options.applicationId ?? "1100000000000000001",
      guildId: options.guildId ?? "1100000000000000100",
      guildName: options.guildName ?? "OpsDesk Test Guild",
      bot: {
        id: options.botUserId ?? "1100000000000000001",
        username: options.botUsername ?? "OpsDesk",
        bot: true,
      },
      human: { id: options.userId ?? "1100000000000000500", username: options.username ?? "alice" },
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    };
    this.guildCreatedAt = new Date(this.now()).toISOString();
    const seeds = options.channels ?? [
      { id: "1100000000000000201", name: "incidents" },
      { id: "1100000000000000202", name: "changes" },
      { id: "1100000000000000203", name: "service-desk" },
    ];
    seeds.forEach((seed, position) => {
      this.channels.set(seed.id, textChannel(seed.id, this.config.guildId, seed.name, position));
    });
  }

  now(): number {
    return this.baseNow() + this.clockOffsetMs;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  advanceTime(ms: number): void {
    this.clockOffsetMs += ms;
  }

  botUser(): JsonRecord {
    return apiUser(this.config.bot);
  }

  humanMember(): JsonRecord {
    return apiMember(this.config.human, this.guildCreatedAt);
  }

  botMember(): JsonRecord {
    return apiMember(this.config.bot, this.guildCreatedAt);
  }

  messagesIn(channelId: string): FakeMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }

  findMessage(messageId: string): FakeMessage | undefined {
    for (const list of this.messages.values()) {
      const found = list.find((message) => message.id === messageId);
      if (found) return found;
    }
    return undefined;
  }

  deleteMessage(messageId: string): boolean {
    for (const list of this.messages.values()) {
      const index = list.findIndex((message) => message.id === messageId);
      if (index >= 0) {
        list.splice(index, 1);
        return true;
      }
    }
    return false;
  }

  /** Asks the gateway to dispatch an event to identified sessions whose intents include `intent` (a bit). */
  dispatch(event: string, data: JsonRecord, intent?: number): void {
    this.events.emit("dispatch", event, data, intent);
  }

  /**
   * Queued until the REST call that caused it is recorded (`flushInteractionResponses`), so a test that
   * awaits a response also sees the call in `calls`.
   */
  recordInteractionResponse(interaction: InteractionState, record: InteractionResponseRecord): void {
    this.pendingResponses.push({ interaction, record });
  }

  flushInteractionResponses(): void {
    for (const { interaction, record } of this.pendingResponses.splice(0)) {
      interaction.responses.push(record);
      this.events.emit("interaction-response", interaction.id, record);
    }
  }
}
