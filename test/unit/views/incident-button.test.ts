import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../src/kernel/errors.js";
import { incidentActionFromId } from "../../../src/practices/incidents/views/actions.js";
import { incidentActionCommand } from "../../../src/practices/incidents/views/button-command.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { anIncident } from "./incident-fixture.js";

describe("GIVEN a button without a form is pressed on a card", () => {
  const card = incidentCard(anIncident(), [
    "acknowledge",
    "assign_to_me",
    "resume",
    "close",
    "declare_major",
  ]);

  it("THEN its id and value give the same command as the typed text equivalent", () => {
    const commands = card.actions.map((button) => {
      const action = incidentActionFromId(button.id);
      if (action === undefined) throw new Error(`unknown action ${button.id}`);
      return incidentActionCommand(action, button.value);
    });
    expect(commands).toEqual([
      { command: "incident", subcommand: "ack", args: { ref: 7 } },
      { command: "incident", subcommand: "assign", args: { ref: 7 } },
      { command: "incident", subcommand: "resume", args: { ref: 7 } },
      { command: "incident", subcommand: "close", args: { ref: 7 } },
      { command: "incident", subcommand: "major", args: { ref: 7 } },
    ]);
  });

  it("THEN a tampered value is refused like typed text", () => {
    expect(() => incidentActionCommand("acknowledge", "INC-x")).toThrowError(ValidationError);
  });

  it("THEN ids of other features are not incident actions", () => {
    expect(incidentActionFromId("change.approve")).toBeUndefined();
    expect(incidentActionFromId("incident.explode")).toBeUndefined();
  });
});

describe("GIVEN a button that needs a form", () => {
  it("THEN running it directly is a programming error", () => {
    expect(() => incidentActionCommand("resolve", "INC-7")).toThrowError(
      "resolve needs input: open form incident.resolve instead",
    );
  });
});
