// The floor plan (DESIGN.md "Layout", issue "One home per ITIL practice"): the kernel knows no practice and
// no platform; a practice knows the kernel and shared services but no other practice and no adapter; an
// adapter knows the desk and the view primitives, never a practice; no import cycle between areas.
import { describe, expect, it } from "vitest";
import { areaCycles, areaOf, type Import, importsIn, sourceImports } from "./source-graph.js";

const chatSdks = [/^@slack\//, /^discord\.js$/, /^discord-api-types/, /^@discordjs\//, /^ws$/];
const servers = [/^node:(http|https|http2|net)$/, /^(http|https|http2|net)$/, /^express$/, /^fastify$/];

/** What each layer may import, as path prefixes under src, and which packages it must not. */
const rules: { name: string; files: RegExp; mayImport: RegExp[]; packagesRefused: RegExp[] }[] = [
  {
    name: "the kernel imports no practice, desk, adapter, outbox, app, config or platform code",
    files: /^src\/kernel\//,
    mayImport: [/^src\/kernel\//, /^src\/db\//],
    packagesRefused: [...chatSdks, ...servers, /^pino$/],
  },
  {
    name: "a practice imports the kernel and shared services, never another practice, the desk or an adapter",
    files: /^src\/practices\/[^/]+\//,
    mayImport: [
      /^src\/kernel\//,
      /^src\/db\//,
      /^src\/config\//,
      /^src\/outbox\//,
      /^src\/scheduler\//,
      /^src\/log\.ts$/,
      /^src\/practices\/env\.ts$/,
    ],
    packagesRefused: [...chatSdks, ...servers],
  },
  {
    name: "an adapter imports the desk, the kernel's primitives and transport services, never a practice",
    files: /^src\/adapters\//,
    mayImport: [
      /^src\/desk\//,
      /^src\/kernel\//,
      /^src\/http\//,
      /^src\/outbox\//,
      /^src\/config\//,
      /^src\/db\//,
      /^src\/log\.ts$/,
      /^src\/paths\.ts$/,
    ],
    packagesRefused: [],
  },
  {
    name: "a renderer turns neutral views into platform payloads: the kernel's views and its own folder only",
    files: /^src\/adapters\/[^/]+\/render\//,
    mayImport: [/^src\/kernel\//],
    packagesRefused: [/^pino$/, ...servers],
  },
  {
    name: "the desk imports the kernel and the list of practices, never an adapter or the app",
    files: /^src\/desk\//,
    mayImport: [
      /^src\/desk\//,
      /^src\/kernel\//,
      /^src\/db\//,
      /^src\/log\.ts$/,
      /^src\/practices\/[^/]+\.ts$/,
    ],
    packagesRefused: [...chatSdks, ...servers],
  },
];

function sameArea(imp: Import): boolean {
  return imp.local !== undefined && areaOf(imp.from) === areaOf(imp.local);
}

function violations(imports: readonly Import[], rule: (typeof rules)[number]): string[] {
  return imports
    .filter((imp) => rule.files.test(imp.from))
    .filter((imp) =>
      imp.local === undefined
        ? rule.packagesRefused.some((p) => p.test(imp.specifier))
        : !sameArea(imp) && !rule.mayImport.some((p) => p.test(imp.local as string)),
    )
    .map((imp) => `${imp.from} imports ${imp.specifier}`);
}

describe("GIVEN every source file under src", () => {
  const imports = sourceImports();

  it("THEN there are files in every layer to check", () => {
    for (const rule of rules)
      expect(imports.filter((imp) => rule.files.test(imp.from)).length).toBeGreaterThan(10);
  });

  for (const rule of rules) {
    it(`THEN ${rule.name}`, () => {
      expect(violations(imports, rule)).toEqual([]);
    });
  }

  it("THEN no import cycle runs between areas", () => {
    expect(areaCycles(imports)).toEqual([]);
  });
});

describe("GIVEN a file that breaks a rule", () => {
  const at = (path: string, source: string) => importsIn(`${process.cwd()}/${path}`, source);

  it("THEN the rules name a kernel file that imports a practice or a chat SDK", () => {
    const broken = at(
      "src/kernel/tickets/x.ts",
      `import { App } from "@slack/bolt";\nimport type { IncidentSnapshot } from "../../practices/incidents/model.js";`,
    );
    expect(violations(broken, rules[0] as (typeof rules)[number])).toEqual([
      "src/kernel/tickets/x.ts imports @slack/bolt",
      "src/kernel/tickets/x.ts imports ../../practices/incidents/model.js",
    ]);
  });

  it("THEN they name a practice that imports another practice, and an adapter that imports a practice", () => {
    const practice = at("src/practices/changes/x.ts", `import { a } from "../incidents/model.js";`);
    expect(violations(practice, rules[1] as (typeof rules)[number])).toEqual([
      "src/practices/changes/x.ts imports ../incidents/model.js",
    ]);
    const adapter = at(
      "src/adapters/slack/x.ts",
      `import { a } from "../../practices/incidents/handler.js";`,
    );
    expect(violations(adapter, rules[2] as (typeof rules)[number])).toEqual([
      "src/adapters/slack/x.ts imports ../../practices/incidents/handler.js",
    ]);
  });

  it("THEN a cycle between two areas is found", () => {
    const cyclic = [
      ...at("src/config/x.ts", `import { a } from "../practices/changes/model.js";`),
      ...at("src/practices/changes/y.ts", `import { b } from "../../config/types.js";`),
    ];
    expect(areaCycles(cyclic)).toEqual(["config -> practices/changes -> config"]);
  });
});
