export {
  autocomplete,
  buttonClick,
  INTERACTION_TYPE,
  type InteractionSpec,
  messageCommand,
  modalSubmit,
  slashCommand,
  stringSelect,
} from "./builders/interactions.js";
export * from "./http-interactions.js";
export {
  type FailNextOptions,
  FakeDiscord,
  type RateLimitOptions,
  type SentInteraction,
  startFakeDiscord,
} from "./server.js";
export type * from "./types.js";
