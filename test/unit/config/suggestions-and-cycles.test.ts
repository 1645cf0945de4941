import { describe, expect, it } from "vitest";
import { findCycles } from "../../../src/config/cycles.js";
import { closestMatch } from "../../../src/config/suggest.js";

describe("GIVEN a misspelt key or id", () => {
  it("THEN a slip of a letter or two, a swap, or a longer spelling finds the intended word", () => {
    expect(closestMatch("dependOn", ["dependsOn", "owner"])).toBe("dependsOn");
    expect(closestMatch("tmiezone", ["timezone", "tier"])).toBe("timezone");
    expect(closestMatch("wednesday", ["mon", "tue", "wed"])).toBe("wed");
    expect(closestMatch("Calendar", ["calendar", "channels"])).toBe("calendar");
  });

  it("THEN a word unlike any candidate gets no suggestion rather than a wrong one", () => {
    expect(closestMatch("email", ["id", "name", "timezone", "slack", "discord"])).toBeUndefined();
    expect(closestMatch("x", [])).toBeUndefined();
  });
});

describe("GIVEN a dependency graph", () => {
  const graph = (edges: Record<string, string[]>) =>
    findCycles(Object.keys(edges), new Map(Object.entries(edges)));

  it("THEN an acyclic graph, even a diamond, has no cycles", () => {
    expect(graph({ app: ["api", "web"], api: ["db"], web: ["db"], db: [] })).toEqual([]);
  });

  it("THEN each separate loop is reported once, starting from its first service in file order", () => {
    expect(graph({ a: ["b"], b: ["c"], c: ["b"], d: ["e"], e: ["d"], f: ["f"] })).toEqual([
      ["b", "c"],
      ["d", "e"],
      ["f"],
    ]);
  });

  it("THEN edges to unknown services are left to the reference check", () => {
    expect(graph({ a: ["ghost"] })).toEqual([]);
  });
});
