import { readFileSync } from "node:fs";
import { ApplicationCommandOptionType, ApplicationCommandType } from "discord.js";
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { buildDiscordCommands } from "../../../src/adapters/discord/commands/build-commands.js";
import { discordManifestPath, discordManifestText } from "../../../src/adapters/discord/commands/manifest.js";
import { boolean, choice, duration, person, text } from "../../../src/kernel/commands/argument-kinds.js";
import {
  defineCommand,
  defineRegistry,
  defineSubcommand,
} from "../../../src/kernel/commands/command-spec.js";
import { incidentCommand } from "../../../src/practices/incidents/command.js";
import { commandRegistry } from "../../../src/practices/registry.js";

const built = buildDiscordCommands(commandRegistry);
const chatInput = built.filter(
  (command): command is RESTPostAPIChatInputApplicationCommandsJSONBody =>
    command.type === ApplicationCommandType.ChatInput,
);
const slash = chatInput.find((command) => command.name === incidentCommand.name);
const nameRule = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function subcommand(name: string): APIApplicationCommandBasicOption[] {
  const found = slash?.options?.find((option) => option.name === name);
  if (found?.type !== ApplicationCommandOptionType.Subcommand) throw new Error(`no subcommand ${name}`);
  return found.options ?? [];
}

function leafOptions(
  command: RESTPostAPIChatInputApplicationCommandsJSONBody,
): APIApplicationCommandOption[] {
  return (command.options ?? []).flatMap((sub) =>
    sub.type === ApplicationCommandOptionType.Subcommand ? (sub.options ?? []) : [],
  );
}

describe("GIVEN the command registry", () => {
  it("THEN Discord gets one slash command per registry command, in its order, and a Raise incident message command, nothing else", () => {
    expect(built.map((command) => [command.type, command.name])).toEqual([
      ...commandRegistry.commands.map((command) => [ApplicationCommandType.ChatInput, command.name]),
      [ApplicationCommandType.Message, "Raise incident"],
    ]);
    expect(built.at(-1)).toEqual({ type: ApplicationCommandType.Message, name: "Raise incident" });
  });

  it("THEN every registry subcommand is a Discord subcommand, in the registry's order", () => {
    expect(
      chatInput.map((command) => [
        command.name,
        (command.options ?? []).map((option) => [option.type, option.name]),
      ]),
    ).toEqual(
      commandRegistry.commands.map((command) => [
        command.name,
        Object.keys(command.subcommands).map((name) => [ApplicationCommandOptionType.Subcommand, name]),
      ]),
    );
  });

  it("THEN every name is lowercase and matches Discord's rule, every description is 1-100", () => {
    const named = chatInput.flatMap((command) => [
      command,
      ...(command.options ?? []),
      ...leafOptions(command),
    ]);
    // Every command, subcommand and argument of the registry is checked.
    expect(named).toHaveLength(
      commandRegistry.commands.flatMap((command) => [
        command,
        ...Object.values(command.subcommands).flatMap((sub) => [sub, ...Object.values(sub.args)]),
      ]).length,
    );
    for (const option of named) {
      expect(option.name).toMatch(nameRule);
      expect(option.name).toBe(option.name.toLowerCase());
      expect(option.description.length).toBeGreaterThanOrEqual(1);
      expect(option.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("THEN required options come before optional ones in every subcommand", () => {
    for (const command of chatInput) {
      for (const sub of command.options ?? []) {
        const options = sub.type === ApplicationCommandOptionType.Subcommand ? (sub.options ?? []) : [];
        const required = options.map((option) => option.required === true);
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      }
    }
  });

  it("THEN /incident priority puts the required reason before the optional impact and urgency", () => {
    expect(subcommand("priority").map((option) => [option.name, option.required])).toEqual([
      ["ref", true],
      ["reason", true],
      ["impact", false],
      ["urgency", false],
    ]);
  });

  it("THEN argument kinds map to Discord option types", () => {
    expect(subcommand("new")).toEqual([
      {
        type: ApplicationCommandOptionType.String,
        name: "title",
        description: "What is broken, in a few words",
        required: true,
        max_length: 150,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "impact",
        description: "How widely it hurts the business (default: Medium)",
        required: false,
        choices: [
          { name: "High", value: "high" },
          { name: "Medium", value: "medium" },
          { name: "Low", value: "low" },
        ],
      },
      expect.objectContaining({ name: "urgency" }),
      {
        type: ApplicationCommandOptionType.String,
        name: "service",
        description: "The affected service",
        required: false,
        max_length: 64,
        autocomplete: true,
      },
      expect.objectContaining({ name: "category", max_length: 60 }),
      expect.objectContaining({ name: "description", max_length: 3000 }),
    ]);
    expect(subcommand("show")).toEqual([
      expect.objectContaining({ name: "ref", type: ApplicationCommandOptionType.String, autocomplete: true }),
    ]);
    expect(subcommand("assign")[1]).toMatchObject({ name: "to", type: ApplicationCommandOptionType.User });
    expect(subcommand("note")[2]).toMatchObject({
      name: "internal",
      type: ApplicationCommandOptionType.Boolean,
    });
  });
});

describe("GIVEN a registry with awkward declarations", () => {
  const letters = "abcdefghijklmnopqrstuvwxyz".split("") as [string, ...string[]];
  const labels = Object.fromEntries(letters.map((letter) => [letter, `Option ${letter}`]));
  const registry = defineRegistry([
    defineCommand({
      name: "demo",
      description: "d".repeat(150),
      subcommands: {
        run: defineSubcommand({
          description: "Run it",
          args: {
            when: duration({ description: "How long" }),
            who: person({ description: "Who", required: true }),
            letter: choice(letters, labels, { description: "Twenty-six choices" }),
            note: text({ description: "", maxLength: 10_000 }),
            loud: boolean({ description: "Shout", default: false }),
          },
          examples: [],
        }),
      },
    }),
  ]);
  const [demo] = buildDiscordCommands(registry) as RESTPostAPIChatInputApplicationCommandsJSONBody[];
  const run = demo?.options?.[0];
  const options = run?.type === ApplicationCommandOptionType.Subcommand ? (run.options ?? []) : [];

  it("THEN long descriptions are cut to 100 and empty ones fall back to the name", () => {
    expect(demo?.description).toHaveLength(100);
    expect(options.find((option) => option.name === "note")?.description).toBe("note");
  });

  it("THEN more than 25 choices become autocomplete and max_length is capped at Discord's 6000", () => {
    expect(options.find((option) => option.name === "letter")).toMatchObject({ autocomplete: true });
    expect(options.find((option) => option.name === "letter")).not.toHaveProperty("choices");
    expect(options.find((option) => option.name === "note")).toMatchObject({ max_length: 6000 });
  });

  it("THEN the required person moves first and durations stay strings", () => {
    expect(options.map((option) => [option.name, option.type])).toEqual([
      ["who", ApplicationCommandOptionType.User],
      ["when", ApplicationCommandOptionType.String],
      ["letter", ApplicationCommandOptionType.String],
      ["note", ApplicationCommandOptionType.String],
      ["loud", ApplicationCommandOptionType.Boolean],
    ]);
  });
});

describe("GIVEN the committed manifests/discord-commands.json", () => {
  it("THEN it equals what write-manifest.ts generates (run it after changing the registry)", () => {
    const committed: unknown = JSON.parse(readFileSync(discordManifestPath(), "utf8"));
    expect(committed).toEqual(JSON.parse(discordManifestText(commandRegistry)));
  });
});
