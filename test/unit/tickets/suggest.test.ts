import { describe, expect, it } from "vitest";
import { matchTickets } from "../../../src/kernel/tickets/suggest.js";

const rows = [
  { number: 42, title: "VPN drops hourly" },
  { number: 7, title: "Checkout times out" },
  { number: 4, title: "Printer jam", label: "Printer jam (floor 2)" },
];

describe("GIVEN open tickets, newest first, and what a person typed", () => {
  it("THEN numbers match by prefix however the reference is written, in the rows' order", () => {
    expect(matchTickets("INC", "INC-4", rows).map((c) => c.value)).toEqual(["INC-42", "INC-4"]);
    expect(matchTickets("INC", "inc4", rows).map((c) => c.value)).toEqual(["INC-42", "INC-4"]);
    expect(matchTickets("INC", "7", rows).map((c) => c.value)).toEqual(["INC-7"]);
  });

  it("THEN words match inside the title, whatever the case, with the label when one is given", () => {
    expect(matchTickets("INC", "printer", rows)).toEqual([
      { value: "INC-4", label: "Printer jam (floor 2)" },
    ]);
    expect(matchTickets("INC", "TIMES", rows)).toEqual([{ value: "INC-7", label: "Checkout times out" }]);
    expect(matchTickets("INC", "nothing like it", rows)).toEqual([]);
  });
});
