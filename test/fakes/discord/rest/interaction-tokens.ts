import { invalidWebhookToken, unknownMessage, unknownWebhook } from "../http/errors.js";
import type { FakeState, InteractionState } from "../state.js";
import type { FakeMessage } from "../types.js";

/** The initial response must arrive within 3 s of the interaction being issued. */
export const INITIAL_RESPONSE_DEADLINE_MS = 3_000;
/** After that, the interaction token works for follow-ups and edits for 15 minutes. */
export const TOKEN_LIFETIME_MS = 15 * 60 * 1_000;

export function interactionForWebhook(
  state: FakeState,
  applicationId: string,
  token: string,
): InteractionState {
  if (applicationId !== state.config.applicationId) throw unknownWebhook();
  const interaction = state.interactionsByToken.get(token);
  if (!interaction || state.now() - interaction.issuedAt > TOKEN_LIFETIME_MS) throw invalidWebhookToken();
  return interaction;
}

/**
 * `@original` is the message the initial response created (types 4 and 5) or, for component
 * interactions answered with types 6 and 7, the message carrying the component.
 */
export function originalMessage(state: FakeState, interaction: InteractionState): FakeMessage {
  const id = interaction.originalMessageId;
  const message = id ? state.findMessage(id) : undefined;
  if (!message) throw unknownMessage();
  return message;
}

export function followupMessage(
  state: FakeState,
  interaction: InteractionState,
  messageId: string,
): FakeMessage {
  if (messageId === "@original") return originalMessage(state, interaction);
  const message = interaction.followupIds.includes(messageId) ? state.findMessage(messageId) : undefined;
  if (!message) throw unknownMessage();
  return message;
}
