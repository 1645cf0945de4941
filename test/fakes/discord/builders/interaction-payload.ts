import { randomBytes } from "node:crypto";
import { ALL_PERMISSIONS, apiMember } from "../entities.js";
import { asArray, asRecord, type JsonRecord } from "../json.js";
import { findCommandByName } from "../rest/commands.js";
import type { FakeState, InteractionState } from "../state.js";
import type { FakeMessage } from "../types.js";
import { INTERACTION_TYPE, type InteractionSpec } from "./interactions.js";

/**
 * Whether any component (rows, their children, a section's accessory, a label's component) carries the
 * id. Only real objects are descended into: an absent accessory must not become an empty component to
 * search again, which used to recurse forever whenever the button was not on the newest message.
 */
export function hasCustomId(components: unknown[], customId: string): boolean {
  return components.some((raw) => {
    if (typeof raw !== "object" || raw === null) return false;
    const component = asRecord(raw);
    if (component.custom_id === customId) return true;
    const children = [...asArray(component.components), component.accessory, component.component];
    return hasCustomId(children, customId);
  });
}

function findSourceMessage(state: FakeState, spec: InteractionSpec, channelId: string): FakeMessage {
  const customId = String(spec.data.custom_id);
  if (spec.messageId) {
    const message = state.findMessage(spec.messageId);
    if (!message) throw new Error(`fake discord: no message ${spec.messageId} in channel ${channelId}`);
    // A modal's id is not on the message it came from; a button's must be.
    if (spec.type === INTERACTION_TYPE.component && !hasCustomId(message.components, customId)) {
      throw new Error(`fake discord: message ${spec.messageId} has no component "${customId}" to click`);
    }
    return message;
  }
  const message = [...state.messagesIn(channelId)]
    .reverse()
    .find((candidate) => hasCustomId(candidate.components, customId));
  if (!message) {
    throw new Error(
      `fake discord: no message with a component "${customId}" in channel ${channelId} (searched ${state.messagesIn(channelId).length} messages)`,
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
