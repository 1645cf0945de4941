import type { JsonRecord } from "./json.js";
import type { FakeChannel, FakeMessage } from "./types.js";

// Permission bitfields are decimal strings on the wire (they exceed 2^53).
export const ALL_PERMISSIONS = "2251799813685247";
export const EVERYONE_PERMISSIONS = "1071698660929";

export interface UserSeed {
  id: string;
  username: string;
  bot?: boolean;
}

export function apiUser(user: UserSeed): JsonRecord {
  return {
    id: user.id,
    username: user.username,
    // Discord retired discriminators; migrated accounts report "0".
    discriminator: "0",
    global_name: user.bot ? null : user.username,
    avatar: null,
    bot: user.bot ?? false,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

export function apiMember(user: UserSeed, joinedAt: string): JsonRecord {
  return {
    user: apiUser(user),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function everyoneRole(guildId: string): JsonRecord {
  // The @everyone role shares its id with the guild.
  return {
    id: guildId,
    name: "@everyone",
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: EVERYONE_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function textChannel(id: string, guildId: string, name: string, position: number): FakeChannel {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function threadChannel(input: {
  id: string;
  guildId: string;
  parentId: string;
  name: string;
  type: number;
  ownerId: string;
  archiveMinutes: number;
  now: string;
}): FakeChannel {
  return {
    id: input.id,
    type: input.type,
    guild_id: input.guildId,
    parent_id: input.parentId,
    name: input.name,
    owner_id: input.ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: input.archiveMinutes,
      archive_timestamp: input.now,
      locked: false,
      invitable: input.type === 12 ? true : undefined,
      create_timestamp: input.now,
    },
    member: { id: input.id, user_id: input.ownerId, join_timestamp: input.now, flags: 0 },
  };
}

export function newMessage(input: {
  id: string;
  channelId: string;
  guildId: string | undefined;
  author: JsonRecord;
  data: JsonRecord;
  timestamp: string;
  extra?: JsonRecord;
}): FakeMessage {
  const { data } = input;
  return {
    type: 0,
    tts: data.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    sticker_items: [],
    position: 0,
    ...input.extra,
    id: input.id,
    channel_id: input.channelId,
    ...(input.guildId ? { guild_id: input.guildId } : {}),
    author: input.author,
    timestamp: input.timestamp,
    content: typeof data.content === "string" ? data.content : "",
    embeds: Array.isArray(data.embeds) ? data.embeds : [],
    components: Array.isArray(data.components) ? data.components : [],
    flags: typeof data.flags === "number" ? data.flags : 0,
    pinned: false,
    edited_timestamp: null,
  };
}

/** Applies a PATCH body: only keys present change, as on Discord. */
export function applyMessageEdit(message: FakeMessage, data: JsonRecord, timestamp: string): void {
  if ("content" in data) message.content = typeof data.content === "string" ? data.content : "";
  if ("embeds" in data) message.embeds = Array.isArray(data.embeds) ? data.embeds : [];
  if ("components" in data) message.components = Array.isArray(data.components) ? data.components : [];
  if (typeof data.flags === "number") {
    // Only SUPPRESS_EMBEDS (4) may be toggled by an edit; other flags are kept. Editing a deferred
    // reply clears LOADING (128).
    message.flags = (message.flags & ~4 & ~128) | (data.flags & 4);
  } else {
    message.flags &= ~128;
  }
  message.edited_timestamp = timestamp;
}
