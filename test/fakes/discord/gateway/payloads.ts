import { everyoneRole } from "../entities.js";
import type { JsonRecord } from "../json.js";
import type { FakeState } from "../state.js";

// https://discord.com/developers/docs/events/gateway-events#ready
export function readyPayload(state: FakeState, sessionId: string): JsonRecord {
  return {
    v: 10,
    user: { ...state.botUser(), verified: true, mfa_enabled: false },
    // READY lists guilds as unavailable stubs; discord.js then waits for one GUILD_CREATE per guild
    // (up to 15 s) before it emits `ready`.
    guilds: [{ id: state.config.guildId, unavailable: true }],
    session_id: sessionId,
    session_type: "normal",
    resume_gateway_url: state.gatewayUrl,
    shard: [0, 1],
    application: { id: state.config.applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    user_settings: {},
    _trace: ['["fake-discord",{"micros":0}]'],
  };
}

// https://discord.com/developers/docs/events/gateway-events#guild-create
export function guildCreatePayload(state: FakeState): JsonRecord {
  const { config } = state;
  const channels = [...state.channels.values()];
  return {
    id: config.guildId,
    name: config.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: config.human.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: "en-US",
    system_channel_id: channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    features: [],
    roles: [everyoneRole(config.guildId)],
    emojis: [],
    stickers: [],
    // GUILD_CREATE-only fields:
    joined_at: state.guildCreatedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    members: [state.botMember(), state.humanMember()],
    channels: channels.filter((channel) => channel.type !== 11 && channel.type !== 12),
    threads: channels.filter((channel) => channel.type === 11 || channel.type === 12),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  };
}
