import { truncate } from "../render/truncate.js";

/*
 * Discord's rules for chat-input command, subcommand and option names: 1-32 characters from this set,
 * lowercase wherever the script has case. Description: 1-100 characters. Source: developer docs,
 * "Application Command Naming".
 */
const chatInputName = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const descriptionMax = 100;

/** The registry already restricts names; this check keeps a future registry change from shipping. */
export function discordName(name: string, what: string): string {
  if (!chatInputName.test(name) || name !== name.toLowerCase()) {
    throw new Error(`${what} "${name}" is not a valid Discord command name (${chatInputName}, lowercase)`);
  }
  return name;
}

export function discordDescription(description: string, fallback: string): string {
  const text = description.trim() === "" ? fallback : description.trim();
  return truncate(text, descriptionMax);
}
