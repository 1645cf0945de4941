import { randomBytes } from "node:crypto";
import { ALL_PERMISSIONS, apiMember } from "../entities.js";
import { asArray, asRecord, type JsonRecord } from "../json.js";
import { findCommandByName } from "../rest/commands.js";
import type { FakeState, InteractionState } from "../state.js";
import type { FakeMessage } from "../types.js";
import { INTERACTION_TYPE, type InteractionSpec } from "./interactions.js";

function hasCustomId(components: unknown[], customId: string): boolean {
  return components.some((raw) => {
    const component = asRecord(raw);
    if (component.custom_id === customId) return true;
    return hasCustomId(
      [...asArray(component.components), ...asArray([component.accessory, component.component])],
      customId,
    );
  });
}

function findSourceMessage(state: FakeState, spec: InteractionSpec, channelId: string): FakeMessage {
  const customId = String(spec.data.custom_id);
  const message = spec.messageId
    ? state.findMessage(spec.messageId)
    : [...state.messagesIn(channelId)]
        .reverse()
        .find((candidate) => hasCustomId(candidate.components, customId));
  if (!message) {
    throw new Error(
      `fake discord: no message ${spec.messageId ?? `with a component "${customId}"`} in channel ${channelId}`,
    );
  }
  return message;
}

function commandData(state: FakeState, spec: InteractionSpec): JsonRecord {
  const type = typeof spec.data.type === "number" ? spec.data.type : 1;
  const registered = findCommandByName(state, String(spec.data.name), type);
  return {
    id: registered?.id ?? state.ids.next(),
    ...spec.data,
    ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
  };
}

/** Fills in everything Discord sends with an INTERACTION_CREATE and registers the interaction. */
export function buildInteraction(
  state: FakeState,
  spec: InteractionSpec,
): { state: InteractionState; payload: JsonRecord } {
  const channelId = spec.channelId ?? [...state.channels.keys()][0] ?? "";
  const channel = state.channels.get(channelId);
  if (!channel) throw new Error(`fake discord: unknown channel ${channelId}`);
  const id = state.ids.next();
  // Real tokens are long opaque strings; discord.js never parses them.
  const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(24).toString("base64url")}`;

  let data = spec.data;
  let message: FakeMessage | undefined;
  const isCommandLike = spec.type === INTERACTION_TYPE.command || spec.type === INTERACTION_TYPE.autocomplete;
  if (isCommandLike) data = commandData(state, spec);
  if (
    spec.type === INTERACTION_TYPE.component ||
    (spec.type === INTERACTION_TYPE.modalSubmit && spec.messageId)
  ) {
    message = findSourceMessage(state, spec, channelId);
  }
  if (spec.targetMessageId) {
    const target = state.findMessage(spec.targetMessageId);
    if (!target) throw new Error(`fake discord: unknown target message ${spec.targetMessageId}`);
    data = { ...data, resolved: { messages: { [target.id]: target } } };
  }

  const payload: JsonRecord = {
    id,
    application_id: state.config.applicationId,
    type: spec.type,
    token,
    // Always 1 for interactions.
    version: 1,
    guild_id: state.config.guildId,
    guild: { id: state.config.guildId, locale: "en-US", features: [] },
    channel_id: channelId,
    channel: { ...channel },
    member: {
      ...(spec.user ? apiMember(spec.user, state.guildCreatedAt) : state.humanMember()),
      permissions: ALL_PERMISSIONS,
    },
    app_permissions: ALL_PERMISSIONS,
    locale: spec.locale ?? "en-US",
    guild_locale: "en-US",
    // discord.js reduces over `entitlements` unconditionally; omitting it crashes the client.
    entitlements: [],
    authorizing_integration_owners: { "0": state.config.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
    data,
    ...(message ? { message } : {}),
  };
  const interaction: InteractionState = {
    id,
    token,
    type: spec.type,
    channelId,
    issuedAt: state.now(),
    acknowledged: false,
    sourceMessageId: message?.id,
    originalMessageId: undefined,
    followupIds: [],
    responses: [],
  };
  state.interactions.set(id, interaction);
  state.interactionsByToken.set(token, interaction);
  return { state: interaction, payload };
}
