import { describe, expect, it } from "vitest";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import { ValidationError } from "../../../src/kernel/errors.js";
import { incidentActionTable } from "../../../src/practices/incidents/action-table.js";
import { parseIncidentRef } from "../../../src/practices/incidents/find-incident.js";
import { incidentActionFromId } from "../../../src/practices/incidents/views/actions.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { commandRegistry } from "../../../src/practices/registry.js";
import { anIncident } from "./incident-fixture.js";

const nobody = async (id: string) => `unknown:${id}`;

describe("GIVEN a button without a form is pressed on a card", () => {
  const card = incidentCard(anIncident(), [
    "acknowledge",
    "assign_to_me",
    "resume",
    "close",
    "declare_major",
  ]);

  it("THEN its id and value become the validated input straight from the action table", async () => {
    const inputs = await Promise.all(
      card.actions.map((button) => {
        const action = incidentActionFromId(button.id);
        if (action === undefined) throw new Error(`unknown action ${button.id}`);
        const entry = incidentActionTable[action] as {
          input: (a: { ref: number }, p: typeof nobody) => unknown;
        };
        return entry.input({ ref: parseIncidentRef(button.value) }, nobody);
      }),
    );
    expect(inputs).toEqual([
      { type: "acknowledge" },
      { type: "assign_to_me" },
      { type: "resume" },
      { type: "close" },
      { type: "declare_major" },
    ]);
  });

  it("THEN each input equals the one its typed text equivalent produces", async () => {
    for (const button of card.actions) {
      const action = incidentActionFromId(button.id);
      if (action === undefined) throw new Error(`unknown action ${button.id}`);
      const entry = incidentActionTable[action] as {
        subcommand: string;
        input: (a: unknown, p: typeof nobody) => unknown;
      };
      const typed = parseCommandText(commandRegistry, "incident", `${entry.subcommand} ${button.value}`);
      expect(await entry.input(typed.args, nobody)).toEqual(await entry.input({ ref: 7 }, nobody));
    }
  });

  it("THEN a tampered value is refused like typed text", () => {
    expect(() => parseIncidentRef("INC-x")).toThrowError(ValidationError);
  });

  it("THEN ids of other features are not incident actions", () => {
    expect(incidentActionFromId("change.approve")).toBeUndefined();
    expect(incidentActionFromId("incident.explode")).toBeUndefined();
  });
});

describe("GIVEN the action table", () => {
  it("THEN only Declare major asks before acting", () => {
    const asking = Object.entries(incidentActionTable)
      .filter(([, entry]) => "confirm" in entry)
      .map(([action]) => action);
    expect(asking).toEqual(["declare_major"]);
  });
});
