import type {
  APIApplicationCommandOptionChoice,
  APIModalInteractionResponseCallbackData,
} from "discord-api-types/v10";
import type { OptionValue } from "../../kernel/commands/parse-options.js";
import type { DiscordMessage, SubmittedComponent } from "./render/index.js";

export type DiscordInteractionKind = "command" | "message_command" | "button" | "modal" | "autocomplete";

/**
 * One Discord interaction as every listener sees it, whether it came over the gateway (a discord.js
 * Interaction) or as a signed HTTP request (a raw payload). Listeners are written once against this; the
 * two implementations differ only in how they answer (discord.js methods vs. the HTTP response + REST).
 */
export interface DiscordInteraction {
  readonly id: string;
  readonly kind: DiscordInteractionKind;
  readonly user: { readonly id: string; readonly name: string };
  readonly guildId: string | undefined;
  readonly channelId: string | undefined;
  /** Chat-input and autocomplete: the command, its subcommand and leaf options by name. */
  readonly commandName: string;
  readonly subcommand: string | undefined;
  readonly options: Readonly<Record<string, OptionValue>>;
  /** Autocomplete: the option being typed in. */
  readonly focused: { readonly name: string; readonly value: string } | undefined;
  /** Buttons and modals. */
  readonly customId: string;
  /** Modals: the submitted components. */
  readonly components: readonly SubmittedComponent[];
  /** Message context-menu commands: the message right-clicked. */
  readonly targetMessage: { readonly id: string; readonly content: string } | undefined;

  /** A modal must be the FIRST response: never after defer(). */
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
  /** Acknowledges within Discord's 3 s with a private "thinking…" reply, to be edited later. */
  defer(): Promise<void>;
  /** Replaces the deferred reply. */
  edit(message: DiscordMessage): Promise<void>;
  respondChoices(choices: APIApplicationCommandOptionChoice<string>[]): Promise<void>;
}

/** Discord's link to a message; shown as a jump link in clients. */
export function jumpLink(
  guildId: string | undefined,
  channelId: string | undefined,
  messageId: string,
): string {
  return `https://discord.com/channels/${guildId ?? "@me"}/${channelId ?? ""}/${messageId}`;
}

/** Options as Discord nests them: subcommand group → subcommand → leaves. Both SDK and API shapes fit. */
export interface NestedOption {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean | null | undefined;
  readonly options?: readonly NestedOption[] | undefined;
  readonly focused?: boolean | undefined;
}

const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;

export function flattenOptions(options: readonly NestedOption[] | undefined): {
  subcommand: string | undefined;
  options: Record<string, OptionValue>;
  focused: { name: string; value: string } | undefined;
} {
  let subcommand: string | undefined;
  let leaves = options ?? [];
  for (;;) {
    const nested = leaves.find((o) => o.type === SUB_COMMAND || o.type === SUB_COMMAND_GROUP);
    if (!nested) break;
    if (nested.type === SUB_COMMAND) subcommand = nested.name;
    leaves = nested.options ?? [];
  }
  const values: Record<string, OptionValue> = {};
  let focused: { name: string; value: string } | undefined;
  for (const leaf of leaves) {
    if (leaf.focused) focused = { name: leaf.name, value: String(leaf.value ?? "") };
    else values[leaf.name] = leaf.value ?? undefined;
  }
  return { subcommand, options: values, focused };
}
