// Links between practices (src/kernel/tickets/links.ts), written once against the ChatDriver and run on every
// platform mode: an incident linked to the change that caused it shows it on its card, the change's card
// shows the incident, and both timelines record it. The incidents practice and the changes practice never
// import each other: the cards read the other side through the ticket directory.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ChatDriver } from "../driver.js";

function refIn(prefix: string, text: string): string {
  const ref = new RegExp(`${prefix}-\\d+`).exec(text)?.[0];
  if (!ref) throw new Error(`no ${prefix} in: ${text}`);
  return ref;
}

export function linkScenarios(driver: () => ChatDriver): void {
  async function incidentAndChange(d: ChatDriver): Promise<{ incident: string; change: string }> {
    const raised = await d.run("ada", {
      command: "incident",
      subcommand: "new",
      args: { title: "Checkout errors after the deploy", service: "payments" },
    });
    const day = DateTime.now().setZone("Europe/Berlin").plus({ days: 20 }).toFormat("yyyy-MM-dd");
    const requested = await d.run("ada", {
      command: "change",
      subcommand: "new",
      args: { title: "Deploy payments 4.2", start: `${day} 22:00`, end: `${day} 23:00`, risk: "low" },
      channel: "approvals",
    });
    await d.settle();
    return { incident: refIn("INC", raised.text), change: refIn("CHG", requested.text) };
  }

  const link = async (d: ChatDriver, as: "ada" | "rita", subcommand: string, ref: string, item: string) => {
    const answer = await d.run(as, { command: "incident", subcommand, args: { ref, item } });
    await d.settle();
    return answer.text;
  };

  describe("WHEN an agent links an incident to the change that caused it", () => {
    it("THEN both cards show the link, the incident's thread says so, and unlinking removes it from both", async () => {
      const d = driver();
      const { incident, change } = await incidentAndChange(d);

      expect(await link(d, "ada", "link", incident, change)).toContain(
        `${incident} is linked to ${change} (Caused by): Deploy payments 4.2`,
      );
      expect((await d.card(incident)).fields["Caused by"]).toBe(`${change} · Deploy payments 4.2 (New)`);
      expect((await d.card(change)).fields.Caused).toBe(
        `${incident} · Checkout errors after the deploy (New)`,
      );
      expect(await d.threadLines(incident)).toContainEqual(
        expect.stringContaining(`Ada Agent linked ${incident}: Caused by: ${change} · Deploy payments 4.2`),
      );

      expect(await link(d, "ada", "link", incident, change.toLowerCase())).toContain(
        `${incident} and ${change} are already linked (Caused by).`,
      );

      expect(await link(d, "ada", "unlink", incident, change)).toContain(
        `${incident} is no longer linked to ${change}.`,
      );
      expect((await d.card(incident)).fields["Caused by"]).toBeUndefined();
      expect((await d.card(change)).fields.Caused).toBeUndefined();
      expect(await d.cardsPosted(incident)).toBe(1);
    });
  });

  describe("WHEN a link is asked for that cannot be made", () => {
    it("THEN a reporter, an unknown change and a word that is no reference each get a specific answer and nothing is linked", async () => {
      const d = driver();
      const { incident, change } = await incidentAndChange(d);
      expect(await link(d, "rita", "link", incident, change)).toContain("Only agents can link incidents.");
      expect(await link(d, "ada", "link", incident, "CHG-987654")).toContain("There is no CHG-987654.");
      expect(await link(d, "ada", "link", incident, "banana")).toContain(
        '"banana" is not something OpsDesk can link. Write a reference like CHG-9 or INC-3.',
      );
      expect(await link(d, "ada", "link", incident, incident)).toContain(
        "An item cannot be linked to itself.",
      );
      expect(await link(d, "ada", "unlink", incident, change)).toContain(
        `${incident} and ${change} are not linked.`,
      );
      expect((await d.card(incident)).fields["Caused by"]).toBeUndefined();
      expect(
        await d.opsdesk.database.db.ticketLink.count({ where: { fromKey: incident.slice("INC-".length) } }),
      ).toBe(0);
    });
  });
}
