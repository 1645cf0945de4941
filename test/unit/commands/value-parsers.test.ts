import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "../../../src/kernel/commands/closest-name.js";
import { parseDurationMinutes } from "../../../src/kernel/commands/duration.js";
import { parsePersonMention } from "../../../src/kernel/commands/person-mention.js";
import { parseTicketNumber } from "../../../src/kernel/tickets/reference.js";

describe("GIVEN a ticket reference in any of the forms people type", () => {
  it("THEN INC-7, inc-7, #7, 7 and the number 7 all mean ticket 7", () => {
    for (const input of ["INC-7", "inc-7", "#7", "7", " INC-7 ", 7])
      expect(parseTicketNumber("INC", input)).toBe(7);
  });

  it("THEN other prefixes, zero, words and fractions are refused", () => {
    for (const input of ["CHG-7", "INC-0", "0", "seven", "INC-", "7.5", 7.5, -1]) {
      expect(parseTicketNumber("INC", input)).toBeUndefined();
    }
  });

  it("THEN every form of every number resolves to that number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.constantFrom("INC-", "inc-", "#", ""),
        (number, prefix) => parseTicketNumber("INC", `${prefix}${number}`) === number,
      ),
    );
  });
});

describe("GIVEN a person mention", () => {
  it("THEN Slack, Discord and plain ids normalise to the platform id", () => {
    expect(parsePersonMention("<@U0123|alice>")).toEqual({ platformId: "U0123" });
    expect(parsePersonMention("<@U0123>")).toEqual({ platformId: "U0123" });
    expect(parsePersonMention("<@123456789012345678>")).toEqual({ platformId: "123456789012345678" });
    expect(parsePersonMention("<@!123456789012345678>")).toEqual({ platformId: "123456789012345678" });
    expect(parsePersonMention("U0123")).toEqual({ platformId: "U0123" });
  });

  it("THEN an unresolved @name or a sentence is refused", () => {
    expect(parsePersonMention("@alice")).toBeUndefined();
    expect(parsePersonMention("alice smith")).toBeUndefined();
    expect(parsePersonMention("<#C0123>")).toBeUndefined();
  });
});

describe("GIVEN a duration", () => {
  it("THEN weeks, days, hours and minutes add up to minutes", () => {
    expect(parseDurationMinutes("30m")).toBe(30);
    expect(parseDurationMinutes("4h")).toBe(240);
    expect(parseDurationMinutes("1h30m")).toBe(90);
    expect(parseDurationMinutes("2D")).toBe(2880);
    expect(parseDurationMinutes("1w")).toBe(10080);
  });

  it("THEN bare numbers, zero and words are refused", () => {
    for (const input of ["90", "0m", "", "soon", "h"]) expect(parseDurationMinutes(input)).toBeUndefined();
  });
});

describe("GIVEN a mistyped name", () => {
  it("THEN a swapped pair of letters counts as one slip", () => {
    expect(editDistance("lsit", "list")).toBe(1);
  });

  it("THEN the closest known name is suggested, but not for a different word", () => {
    expect(closestName("imapct", ["impact", "urgency"])).toBe("impact");
    expect(closestName("Resolv", ["resolve", "reopen"])).toBe("resolve");
    expect(closestName("disk", ["list", "show"])).toBeUndefined();
  });
});
