import { describe, expect, it } from "vitest";
import { text } from "../../../src/kernel/commands/argument-kinds.js";
import {
  defineCommand,
  defineRegistry,
  defineSubcommand,
} from "../../../src/kernel/commands/command-spec.js";
import { parseCommandOptions } from "../../../src/kernel/commands/parse-options.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";

// A subcommand whose options partly come from configuration (a catalog item's fields), next to one that
// refuses what it does not declare, as every other subcommand does.
const order = defineCommand({
  name: "order",
  description: "Order",
  defaultSubcommand: "new",
  subcommands: {
    new: defineSubcommand({
      description: "Order an item",
      args: { item: text({ description: "Item", positional: true, maxLength: 20 }) },
      acceptsExtraOptions: true,
      examples: [],
    }),
    show: defineSubcommand({
      description: "Show",
      args: { item: text({ description: "Item", positional: true, maxLength: 20 }) },
      examples: [],
    }),
  },
});
const registry = defineRegistry([order]);

describe("GIVEN a subcommand that accepts undeclared options", () => {
  it("WHEN typed as text THEN declared arguments parse as usual and the rest are kept as extra", () => {
    const parsed = parseCommandText(registry, "order", 'laptop ram:32 note:"two screens"');
    expect(parsed.args).toEqual({ item: "laptop" });
    expect((parsed as { extra?: unknown }).extra).toEqual({ ram: "32", note: "two screens" });
  });

  it("WHEN sent as options or a form THEN undeclared non-blank options are kept and blank ones dropped", () => {
    const parsed = parseCommandOptions(registry, {
      command: "order",
      options: { item: "laptop", ram: "32", desk: "" },
    });
    expect((parsed as { extra?: unknown }).extra).toEqual({ ram: "32" });
  });

  it("WHEN another subcommand gets an undeclared option THEN it is still refused", () => {
    expect(() => parseCommandText(registry, "order", "show laptop ram:32")).toThrow(
      "ram is not an option of /order show",
    );
  });
});
