import { choice, person, text, ticket } from "../../kernel/commands/argument-kinds.js";
import { defineCommand, defineSubcommand, type ParsedCommandOf } from "../../kernel/commands/command-spec.js";
import { assetKinds, assetLimits, HANDOVER_PREFIX } from "./model.js";

const serial = text({
  description: "The serial number, e.g. C02XK1ZJH7",
  maxLength: assetLimits.serialMax,
  positional: true,
  required: true,
});
const handover = ticket({
  description: "The handover offered to you, e.g. HO-3",
  prefix: HANDOVER_PREFIX,
  positional: true,
  required: true,
});
const kindLabels = { hardware: "Hardware", software: "Software", licence: "Licence" } as const;

/** `/asset`: laptops, servers, software and licences, and who holds them. */
export const assetCommand = defineCommand({
  name: "asset",
  description: "IT assets: hardware, software, licences and who holds them",
  defaultSubcommand: "show",
  whenEmpty: "mine",
  subcommands: {
    mine: defineSubcommand({ description: "What you hold", args: {}, examples: ["/asset mine"] }),
    show: defineSubcommand({
      description: "Show an asset",
      args: { serial },
      examples: ["/asset show C02XK1ZJH7"],
    }),
    add: defineSubcommand({
      description: "Record an asset (in stock)",
      args: {
        serial,
        kind: choice(assetKinds, kindLabels, { description: "What it is", default: "hardware" }),
        model: text({
          description: "Make and model, e.g. MacBook Pro 14",
          maxLength: assetLimits.modelMax,
          required: true,
        }),
        location: text({ description: "Where it is", maxLength: assetLimits.locationMax }),
        cost: text({ description: "What it cost, e.g. 2399.00", maxLength: 20 }),
        warranty: text({ description: "Warranty end, e.g. 2027-06-30", maxLength: 10 }),
        ci: text({ description: "The CI it runs, e.g. db-host-1", maxLength: 64 }),
        seats: text({ description: "Licences: seats bought", maxLength: 6 }),
        minfree: text({ description: "Licences: warn below this many free seats", maxLength: 6 }),
        expires: text({ description: "Licences: expiry date, e.g. 2027-01-31", maxLength: 10 }),
      },
      examples: [
        '/asset add C02XK1ZJH7 model:"MacBook Pro 14" location:Berlin cost:2399 warranty:2027-06-30',
      ],
    }),
    assign: defineSubcommand({
      description: "Hand an asset to someone (they accept or decline it)",
      args: {
        serial: { ...serial, positional: true },
        to: person({ description: "Who gets it", required: true }),
      },
      examples: ["/asset assign C02XK1ZJH7 to:@rita"],
    }),
    accept: defineSubcommand({
      description: "Accept an asset offered to you",
      args: { handover },
      examples: ["/asset accept HO-3"],
    }),
    decline: defineSubcommand({
      description: "Decline an asset offered to you",
      args: { handover },
      examples: ["/asset decline HO-3"],
    }),
    return: defineSubcommand({
      description: "Take an asset back into stock (a licence: from the person named)",
      args: { serial, from: person({ description: "Licences: whose seat comes back" }) },
      examples: ["/asset return C02XK1ZJH7"],
    }),
    lost: defineSubcommand({
      description: "Report an asset lost (or stolen)",
      args: {
        serial,
        how: choice(
          ["lost", "stolen"] as const,
          { lost: "Lost", stolen: "Stolen" },
          { description: "Lost or stolen", default: "lost" },
        ),
      },
      examples: ["/asset lost C02XK1ZJH7 how:stolen"],
    }),
    restock: defineSubcommand({
      description: "Put an asset in stock: received, back from repair, or found",
      args: { serial },
      examples: ["/asset restock C02XK1ZJH7"],
    }),
    repair: defineSubcommand({
      description: "Send an asset to repair",
      args: { serial },
      examples: ["/asset repair C02XK1ZJH7"],
    }),
    retire: defineSubcommand({
      description: "Retire an asset from service (kept on record)",
      args: { serial },
      examples: ["/asset retire C02XK1ZJH7"],
    }),
    dispose: defineSubcommand({
      description: "Record a retired asset as disposed of",
      args: { serial },
      examples: ["/asset dispose C02XK1ZJH7"],
    }),
    help: defineSubcommand({ description: "Show this help", args: {}, examples: [] }),
  },
});

export type AssetCommand = ParsedCommandOf<typeof assetCommand>;
