// IT assets (src/practices/assets), written once against the ChatDriver and run on every platform mode: a
// laptop handed over with Accept (and another declined), `/asset mine`, a lost laptop that cannot be assigned
// and its lifecycle to disposal, a server listed on the card of the CI it runs, and the asset channel's
// warnings (a licence expiring, a warranty ending, seats running out) posted once however often the job runs,
// at the instant the scenario gives it.
import { describe, expect, it } from "vitest";
import type { ChatDriver, Person } from "../driver.js";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const readOnly = new Set(["show", "impact", "list", "mine"]);

/**
 * A person named in a command as typed on the platform: a Slack or Discord mention; in the console the
 * person's id (the console completes `@` to it, and a bare `@name` is refused on every platform on purpose).
 */
const named = (d: ChatDriver, person: Person) => (d.platform === "console" ? person : d.mention(person));

export function assetScenarios(driver: () => ChatDriver): void {
  const asset = async (d: ChatDriver, as: Person, subcommand: string, args: Record<string, string> = {}) => {
    const answer = await d.run(as, { command: "asset", subcommand, args });
    // Reading changes nothing: only what writes has posts to deliver.
    if (!readOnly.has(subcommand)) await d.settle();
    return answer.text;
  };

  describe("WHEN an agent hands a laptop to someone", () => {
    it("THEN it is theirs only once they accept it; a declined one stays in stock, and the agent is told both", async () => {
      const d = driver();
      await asset(d, "ada", "add", {
        serial: "LAP-1001",
        model: "ThinkPad X1",
        location: "Berlin",
        warranty: inDays(400),
      });
      expect(await asset(d, "ada", "assign", { serial: "LAP-1001", to: named(d, "rita") })).toMatch(
        /LAP-1001 \(ThinkPad X1\) is offered to Rita Reporter \(HO-\d+\); it is theirs once they accept it\./,
      );
      expect(await asset(d, "rita", "mine")).toContain("You hold no assets recorded in OpsDesk.");
      expect((await d.directMessages("rita")).join("\n")).toContain(
        "Ada Agent hands you ThinkPad X1 (serial LAP-1001",
      );

      const accepted = await d.clickInDirectMessage("rita", "serial LAP-1001", "Accept");
      await d.settle();
      expect(accepted.text).toContain("LAP-1001 (ThinkPad X1) is yours now.");
      expect((await d.directMessages("ada")).join("\n")).toContain(
        "Rita Reporter accepted ThinkPad X1 (serial LAP-1001",
      );
      const mine = await asset(d, "rita", "mine");
      expect(mine).toContain("LAP-1001");
      expect(mine).toContain("ThinkPad X1");
      expect(await asset(d, "ada", "show", { serial: "LAP-1001" })).toContain("Rita Reporter");

      await asset(d, "ada", "add", { serial: "LAP-1002", model: "ThinkPad T14" });
      await asset(d, "ada", "assign", { serial: "LAP-1002", to: named(d, "otto") });
      const declined = await d.clickInDirectMessage("otto", "serial LAP-1002", "Decline");
      await d.settle();
      expect(declined.text).toContain("You declined LAP-1002 (ThinkPad T14).");
      expect((await d.directMessages("ada")).join("\n")).toContain(
        "Otto Agent declined ThinkPad T14 (serial LAP-1002",
      );
      const shown = await asset(d, "ada", "show", { serial: "LAP-1002" });
      expect(shown).toContain("In stock");
      expect(shown).toContain("nobody");
    });
  });

  describe("WHEN a laptop is lost, assigned, found, and taken through repair to disposal", () => {
    it("THEN assigning it while lost and disposing of it before retiring it are refused with what to do, and nothing is written by them", async () => {
      const d = driver();
      await asset(d, "ada", "add", { serial: "LAP-2001", model: "MacBook Air" });
      await asset(d, "ada", "assign", { serial: "LAP-2001", to: named(d, "rita") });
      await d.clickInDirectMessage("rita", "serial LAP-2001", "Accept");
      await d.settle();
      expect(await asset(d, "rita", "lost", { serial: "LAP-2001" })).toContain(
        "LAP-2001 (MacBook Air) is reported lost.",
      );
      const db = d.opsdesk.database.db;
      const before = await db.assetHandover.count();
      expect(await asset(d, "ada", "assign", { serial: "LAP-2001", to: named(d, "otto") })).toContain(
        "LAP-2001 (MacBook Air) is lost; only an asset in stock or in use can be assigned. Put it back in stock when it is found.",
      );
      expect(await asset(d, "ada", "show", { serial: "NOPE-1" })).toContain(
        'There is no asset with serial number "NOPE-1".',
      );
      expect(await asset(d, "rita", "add", { serial: "LAP-3001", model: "Mine now" })).toContain(
        "Only agents can record assets.",
      );
      expect(await db.assetHandover.count()).toBe(before);
      expect(await db.asset.count({ where: { serial: "LAP-3001" } })).toBe(0);

      expect(await asset(d, "ada", "restock", { serial: "LAP-2001" })).toContain(
        "LAP-2001 (MacBook Air) is in stock; Rita Reporter no longer holds it.",
      );
      expect(await asset(d, "ada", "dispose", { serial: "LAP-2001" })).toContain(
        "LAP-2001 (MacBook Air) is in stock; it cannot be disposed of. Retire it first with /asset retire.",
      );
      expect(await asset(d, "rita", "repair", { serial: "LAP-2001" })).toContain(
        "Only agents can move assets through their lifecycle.",
      );
      expect(await asset(d, "ada", "repair", { serial: "LAP-2001" })).toContain(
        "LAP-2001 (MacBook Air) is in repair.",
      );
      expect(await asset(d, "ada", "retire", { serial: "LAP-2001" })).toContain(
        "LAP-2001 (MacBook Air) is retired.",
      );
      expect(await asset(d, "ada", "dispose", { serial: "LAP-2001" })).toContain(
        "LAP-2001 (MacBook Air) is disposed.",
      );
      expect(await asset(d, "ada", "restock", { serial: "LAP-2001" })).toContain(
        "LAP-2001 (MacBook Air) is disposed; it cannot be put back in stock. It has reached the end of its life.",
      );
      expect(await asset(d, "rita", "mine")).not.toContain("LAP-2001");
      const history = await db.timelineEntry.findMany({
        where: {
          ticketKind: "asset",
          ticketId: (await db.asset.findUniqueOrThrow({ where: { serial: "LAP-2001" } })).id,
        },
        orderBy: { id: "asc" },
      });
      expect(history.map((entry) => entry.kind).slice(-4)).toEqual([
        "restock",
        "repair",
        "retire",
        "dispose",
      ]);
    });
  });

  describe("WHEN the warnings job runs twice at the same instant (a server among the assets runs a CI)", () => {
    it("THEN the asset channel gets each licence, seat and warranty warning once", async () => {
      const d = driver();
      await asset(d, "ada", "add", {
        serial: "LIC-FIGMA",
        kind: "licence",
        model: "Figma Organization",
        seats: "2",
        minfree: "1",
        expires: inDays(10),
      });
      await asset(d, "ada", "add", {
        serial: "SRV-77",
        model: "PowerEdge R650",
        warranty: inDays(20),
        ci: "identity",
      });
      // The server shows on the card of the CI it runs.
      const card = (await d.run("rita", { command: "cmdb", subcommand: "show", args: { ci: "identity" } }))
        .text;
      expect(card).toContain("Assets");
      expect(card).toContain("SRV-77 · PowerEdge R650 (In stock)");
      for (const person of ["rita", "otto"] as const) {
        await asset(d, "ada", "assign", { serial: "LIC-FIGMA", to: named(d, person) });
        await d.clickInDirectMessage(person, "serial LIC-FIGMA", "Accept");
        await d.settle();
      }
      const [job] = d.opsdesk.practices.assets.jobs;
      if (!job) throw new Error("no asset warnings job");
      const now = new Date();
      for (let run = 0; run < 2; run++) await job.run({ job: job.name, slot: now, attempt: 1, now });
      await d.settle();
      const posted = (await d.channelMessages("assets")).join("\n");
      const count = (text: string) => posted.split(text).length - 1;
      expect(count(`Licence Figma Organization (LIC-FIGMA) expires on ${inDays(10)}, in 10 days.`)).toBe(1);
      expect(
        count("Licence Figma Organization (LIC-FIGMA) has 0 free seats of 2, below the minimum of 1."),
      ).toBe(1);
      expect(count(`Warranty of PowerEdge R650 (SRV-77) ends on ${inDays(20)}.`)).toBe(1);
    });
  });
}
