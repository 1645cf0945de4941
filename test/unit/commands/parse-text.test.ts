import { describe, expect, expectTypeOf, it } from "vitest";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import type { Impact } from "../../../src/practices/incidents/model.js";
import { commandRegistry, type IncidentCommand } from "../../../src/practices/registry.js";

// The registry holds several commands; /incident text always parses to an /incident command.
const parse = (text: string): IncidentCommand => {
  const parsed = parseCommandText(commandRegistry, "/incident", text);
  if (parsed.command !== "incident") throw new Error(`parsed as /${parsed.command}`);
  return parsed;
};

describe("GIVEN /incident followed by a title and no subcommand", () => {
  it("THEN it opens an incident with that title and medium impact and urgency", () => {
    expect(parse("Payments down")).toEqual({
      command: "incident",
      subcommand: "new",
      args: { title: "Payments down", impact: "medium", urgency: "medium" },
    });
  });

  it("THEN the unquoted words around options form the title", () => {
    expect(parse("new Payments API impact:high is down")).toEqual({
      command: "incident",
      subcommand: "new",
      args: { title: "Payments API is down", impact: "high", urgency: "medium" },
    });
  });

  it("THEN a capitalised word that is not a subcommand still starts a title", () => {
    expect(parse("Disk full on db1").args).toMatchObject({ title: "Disk full on db1" });
  });

  it("THEN a quoted first word is a title even when it names a subcommand", () => {
    expect(parse('"list" of printers is empty').args).toMatchObject({ title: "list of printers is empty" });
  });

  it("THEN a link in the title is kept as written", () => {
    expect(parse("See https://status.example.com").args).toMatchObject({
      title: "See https://status.example.com",
    });
  });
});

describe("GIVEN /incident new with every option, quoted the way Slack sends it", () => {
  it("THEN every argument is typed and curly quotes are honoured", () => {
    expect(
      parse(
        "new “Payments API is down” impact:HIGH urgency:low service:payments-api category:‘card payments’ description:“Since 9:00, all stores”",
      ),
    ).toEqual({
      command: "incident",
      subcommand: "new",
      args: {
        title: "Payments API is down",
        impact: "high",
        urgency: "low",
        service: "payments-api",
        category: "card payments",
        description: "Since 9:00, all stores",
      },
    });
  });

  it("THEN the title may also be given as title:", () => {
    expect(parse('new title:"VPN drops"').args).toMatchObject({ title: "VPN drops" });
  });
});

describe("GIVEN empty text", () => {
  it("THEN it asks for help", () => {
    expect(parse("   ")).toEqual({ command: "incident", subcommand: "help", args: {} });
  });
});

describe("GIVEN /incident list", () => {
  it("THEN the scope defaults to mine", () => {
    expect(parse("list")).toEqual({ command: "incident", subcommand: "list", args: { scope: "mine" } });
  });

  it("THEN a scope and a service narrow it", () => {
    expect(parse("LIST open service:payments-api")).toEqual({
      command: "incident",
      subcommand: "list",
      args: { scope: "open", service: "payments-api" },
    });
  });
});

describe("GIVEN a subcommand that takes only a ticket reference", () => {
  it.each([
    ["show", "show"],
    ["ack", "ack"],
    ["resume", "resume"],
    ["close", "close"],
    ["major", "major"],
  ])("THEN %s accepts INC-7, inc-7, #7 and 7 as ticket 7", (word, subcommand) => {
    for (const ref of ["INC-7", "inc-7", "#7", "7"]) {
      expect(parse(`${word} ${ref}`)).toEqual({ command: "incident", subcommand, args: { ref: 7 } });
    }
  });
});

describe("GIVEN /incident help", () => {
  it("THEN it is the help subcommand", () => {
    expect(parse("help")).toEqual({ command: "incident", subcommand: "help", args: {} });
  });
});

describe("GIVEN /incident assign", () => {
  it("THEN without to: it assigns the caller", () => {
    expect(parse("assign INC-7")).toEqual({ command: "incident", subcommand: "assign", args: { ref: 7 } });
  });

  it("THEN Slack and Discord mentions become platform ids", () => {
    expect(parse("assign INC-7 to:<@U0123|alice>").args).toEqual({ ref: 7, to: { platformId: "U0123" } });
    expect(parse("assign 7 to:<@!80351110224678912>").args).toEqual({
      ref: 7,
      to: { platformId: "80351110224678912" },
    });
  });
});

describe("GIVEN /incident note", () => {
  it("THEN the words after the ticket are the note, public by default", () => {
    expect(parse("note INC-7 Rolled back to 4.2.1")).toEqual({
      command: "incident",
      subcommand: "note",
      args: { ref: 7, text: "Rolled back to 4.2.1", internal: false },
    });
  });

  it("THEN internal:true makes it internal", () => {
    expect(parse("note #7 Vendor case 5521 internal:true").args).toEqual({
      ref: 7,
      text: "Vendor case 5521",
      internal: true,
    });
  });
});

describe("GIVEN /incident priority", () => {
  it("THEN impact, urgency and the reason are typed", () => {
    expect(parse("priority INC-7 impact:high urgency:high reason:“All stores”")).toEqual({
      command: "incident",
      subcommand: "priority",
      args: { ref: 7, impact: "high", urgency: "high", reason: "All stores" },
    });
  });

  it("THEN one of impact or urgency is enough", () => {
    expect(parse('priority INC-7 urgency:low reason:"Workaround in place"').args).toEqual({
      ref: 7,
      urgency: "low",
      reason: "Workaround in place",
    });
  });
});

describe("GIVEN /incident hold, resolve, reopen and cancel", () => {
  it("THEN hold takes a reason and an optional note", () => {
    expect(parse('hold INC-7 reason:awaiting_vendor note:"Case 5521"').args).toEqual({
      ref: 7,
      reason: "awaiting_vendor",
      note: "Case 5521",
    });
  });

  it("THEN resolve takes a resolution code and a note", () => {
    expect(parse('resolve INC-7 code:workaround note:"Restarted the pool"')).toEqual({
      command: "incident",
      subcommand: "resolve",
      args: { ref: 7, code: "workaround", note: "Restarted the pool" },
    });
  });

  it("THEN reopen and cancel take a reason", () => {
    expect(parse('reopen INC-7 reason:"Errors are back"').args).toEqual({
      ref: 7,
      reason: "Errors are back",
    });
    expect(parse("cancel INC-7 reason:duplicate").args).toEqual({ ref: 7, reason: "duplicate" });
  });
});

describe("GIVEN the parsed command", () => {
  it("THEN its type narrows by subcommand to typed arguments", () => {
    const result = parse("Payments down impact:high");
    if (result.command !== "incident") throw new Error("/incident parsed as another command");
    const parsed: IncidentCommand = result;
    if (parsed.subcommand === "new") {
      expectTypeOf(parsed.args.impact).toEqualTypeOf<Impact>();
      expectTypeOf(parsed.args.service).toEqualTypeOf<string | undefined>();
    }
    if (parsed.subcommand === "assign") {
      expectTypeOf(parsed.args.to).toEqualTypeOf<{ platformId: string } | undefined>();
      expectTypeOf(parsed.args.ref).toEqualTypeOf<number>();
    }
    expect(parsed.subcommand).toBe("new");
  });
});
