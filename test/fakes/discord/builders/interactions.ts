import type { JsonRecord } from "../json.js";

// Interaction types: https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type
export const INTERACTION_TYPE = {
  ping: 1,
  command: 2,
  component: 3,
  autocomplete: 4,
  modalSubmit: 5,
} as const;

/** What a test describes; `FakeDiscord.sendInteraction` turns it into a full INTERACTION_CREATE payload. */
export interface InteractionSpec {
  type: number;
  data: JsonRecord;
  /** Defaults to the first seeded channel. */
  channelId?: string;
  /** Component/modal interactions: the message carrying the component (found by custom_id when absent). */
  messageId?: string;
  /** Message context-menu commands: the message right-clicked. */
  targetMessageId?: string;
  locale?: string;
  /** Who acts; defaults to the fake's configured human. Lets tests interleave several people. */
  user?: { id: string; username: string };
}

export type OptionValue = string | number | boolean;
export type OptionValues = Readonly<Record<string, OptionValue>>;

interface Located {
  channelId?: string;
  locale?: string;
}

/** Application command option types: STRING 3, INTEGER 4, BOOLEAN 5, NUMBER 10. */
function optionType(value: OptionValue): number {
  if (typeof value === "string") return 3;
  if (typeof value === "boolean") return 5;
  return Number.isInteger(value) ? 4 : 10;
}

function leafOptions(values: OptionValues | undefined): JsonRecord[] {
  return Object.entries(values ?? {}).map(([name, value]) => ({ type: optionType(value), name, value }));
}

/** Wraps leaf options in SUB_COMMAND (1) and SUB_COMMAND_GROUP (2) options, as Discord nests them. */
function nest(leaves: JsonRecord[], subcommand?: string, group?: string): JsonRecord[] {
  if (!subcommand) return leaves;
  const sub = { type: 1, name: subcommand, options: leaves };
  return group ? [{ type: 2, name: group, options: [sub] }] : [sub];
}

function located(input: Located): Pick<InteractionSpec, "channelId" | "locale"> {
  return {
    ...(input.channelId ? { channelId: input.channelId } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
  };
}

export interface SlashCommandInput extends Located {
  name: string;
  subcommand?: string;
  subcommandGroup?: string;
  options?: OptionValues;
}

export function slashCommand(input: SlashCommandInput): InteractionSpec {
  return {
    type: INTERACTION_TYPE.command,
    data: {
      name: input.name,
      type: 1,
      options: nest(leafOptions(input.options), input.subcommand, input.subcommandGroup),
    },
    ...located(input),
  };
}

export interface AutocompleteInput extends SlashCommandInput {
  /** The option the user is typing in, and what they typed so far. */
  focused: { name: string; value: string; type?: number };
}

export function autocomplete(input: AutocompleteInput): InteractionSpec {
  const focused = {
    type: input.focused.type ?? 3,
    name: input.focused.name,
    value: input.focused.value,
    focused: true,
  };
  return {
    type: INTERACTION_TYPE.autocomplete,
    data: {
      name: input.name,
      type: 1,
      options: nest([...leafOptions(input.options), focused], input.subcommand, input.subcommandGroup),
    },
    ...located(input),
  };
}

export interface ButtonInput extends Located {
  customId: string;
  messageId?: string;
}

export function buttonClick(input: ButtonInput): InteractionSpec {
  return {
    type: INTERACTION_TYPE.component,
    data: { custom_id: input.customId, component_type: 2 },
    ...(input.messageId ? { messageId: input.messageId } : {}),
    ...located(input),
  };
}

export interface StringSelectInput extends ButtonInput {
  values: string[];
}

export function stringSelect(input: StringSelectInput): InteractionSpec {
  return {
    type: INTERACTION_TYPE.component,
    data: { custom_id: input.customId, component_type: 3, values: input.values },
    ...(input.messageId ? { messageId: input.messageId } : {}),
    ...located(input),
  };
}

export interface ModalSubmitInput extends Located {
  customId: string;
  /** Text input custom_id → submitted value. */
  fields: Readonly<Record<string, string>>;
  /** Set when the modal was opened from a component on this message. */
  messageId?: string;
}

/** Submitted text inputs come back inside action rows (type 1) holding one text input (type 4) each. */
export function modalSubmit(input: ModalSubmitInput): InteractionSpec {
  return {
    type: INTERACTION_TYPE.modalSubmit,
    data: {
      custom_id: input.customId,
      components: Object.entries(input.fields).map(([customId, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: customId, value }],
      })),
    },
    ...(input.messageId ? { messageId: input.messageId } : {}),
    ...located(input),
  };
}

export interface MessageCommandInput extends Located {
  name: string;
  targetMessageId: string;
}

/** Message context-menu command: command type 3, with the target in `resolved.messages`. */
export function messageCommand(input: MessageCommandInput): InteractionSpec {
  return {
    type: INTERACTION_TYPE.command,
    data: { name: input.name, type: 3, target_id: input.targetMessageId },
    targetMessageId: input.targetMessageId,
    ...located(input),
  };
}
