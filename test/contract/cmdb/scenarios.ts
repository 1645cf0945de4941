// The CMDB (src/practices/cmdb), written once against the ChatDriver and run on every platform mode: a CI's
// card and impact tree, an incident and a change naming a CI and showing the business services it hits (and a
// second change in the same window on a CI that depends on it, whose card names the conflict), a
// relationship asked by someone outside the owner group confirmed or rejected from a direct message, and the
// refusals (unknown CI, self-dependency, retiring a CI with an open incident, a reporter changing the CMDB).
// opsdesk.yaml's services are business-service CIs: `payments` depends on `identity` (test/support/desk-config.ts).
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ChatDriver, Person } from "../driver.js";

function refIn(prefix: string, text: string): string {
  const ref = new RegExp(`${prefix}-\\d+`).exec(text)?.[0];
  if (!ref) throw new Error(`no ${prefix} in: ${text}`);
  return ref;
}

const readOnly = new Set(["show", "impact", "list", "mine"]);

export function cmdbScenarios(driver: () => ChatDriver): void {
  const cmdb = async (d: ChatDriver, as: Person, subcommand: string, args: Record<string, string>) => {
    const answer = await d.run(as, { command: "cmdb", subcommand, args });
    // Reading changes nothing: only what writes has posts to deliver.
    if (!readOnly.has(subcommand)) await d.settle();
    return answer.text;
  };

  describe("WHEN an agent adds a database the identity service depends on", () => {
    it("THEN its card and its impact tree show both business services it affects, through the graph", async () => {
      const d = driver();
      expect(
        await cmdb(d, "ada", "add", {
          ci: "identity-db",
          type: "database",
          name: "Identity DB",
          owner: "service-desk",
        }),
      ).toContain("identity-db (database) is added to the CMDB.");
      expect(
        await cmdb(d, "ada", "relate", { ci: "identity", relationship: "depends-on", to: "identity-db" }),
      ).toContain("Recorded: identity depends on identity-db.");

      const impact = await cmdb(d, "rita", "impact", { ci: "identity-db" });
      expect(impact).toContain("Impact of identity-db · Identity DB");
      expect(impact).toContain("Identity (identity), Payments API (payments)");
      expect(impact).toContain("└ identity · Identity (business service, depends on identity-db)");
      expect(impact).toContain("└ payments · Payments API (business service, depends on identity)");

      const card = await cmdb(d, "rita", "show", { ci: "identity-db" });
      expect(card).toContain("Used by");
      expect(card).toContain("identity · Identity (business service)");
      expect(card).toContain("Identity (business service) via identity-db; also 1 more business service");
      expect(card).toContain("Ada Agent · related: identity depends on identity-db");
    });
  });

  describe("WHEN an incident and a change name a CI", () => {
    it("THEN both cards show the business service it affects and the path to it, a change on what depends on the CI warns of the first, and the CI cannot be retired while the incident is open", async () => {
      const d = driver();
      await cmdb(d, "ada", "add", { ci: "session-cache", type: "database", name: "Session cache" });
      await cmdb(d, "ada", "relate", { ci: "payments", relationship: "depends-on", to: "session-cache" });
      const raised = await d.run("rita", {
        command: "incident",
        subcommand: "new",
        args: { title: "Logins time out", service: "payments" },
      });
      const incident = refIn("INC", raised.text);
      await d.settle();
      expect(
        (
          await d.run("ada", {
            command: "incident",
            subcommand: "link",
            args: { ref: incident, item: "ci/session-cache" },
          })
        ).text,
      ).toContain(`${incident} is linked to session-cache (Affects)`);
      await d.settle();
      expect((await d.card(incident)).fields.Affects).toBe(
        "session-cache · Session cache (Operational) — Payments API (business service) via session-cache",
      );

      const day = DateTime.now().setZone("Europe/Berlin").plus({ days: 40 }).toFormat("yyyy-MM-dd");
      const requested = await d.run("ada", {
        command: "change",
        subcommand: "new",
        args: {
          title: "Resize the session cache",
          start: `${day} 22:00`,
          end: `${day} 23:00`,
          risk: "low",
        },
        channel: "approvals",
      });
      const change = refIn("CHG", requested.text);
      await d.settle();
      expect(await cmdb(d, "ada", "attach", { ci: "session-cache", ticket: change })).toContain(
        `${change} affects session-cache: Payments API (business service) via session-cache.`,
      );
      expect((await d.card(change)).fields.Affects).toContain(
        "Payments API (business service) via session-cache",
      );
      expect(await cmdb(d, "rita", "show", { ci: "session-cache" })).toContain(
        `${incident} · Logins time out`,
      );

      // A second change in the same hour on what depends on the cache: its card warns of the first.
      const second = refIn(
        "CHG",
        (
          await d.run("ada", {
            command: "change",
            subcommand: "new",
            args: { title: "Deploy payments 2.4", start: `${day} 22:30`, end: `${day} 23:30`, risk: "low" },
            channel: "approvals",
          })
        ).text,
      );
      await d.settle();
      await cmdb(d, "ada", "attach", { ci: "payments", ticket: second });
      expect((await d.card(second)).fields.Conflicts).toContain(
        `Overlaps ${change} (Resize the session cache), which changes session-cache, which payments depends on.`,
      );

      expect(await cmdb(d, "ada", "retire", { ci: "session-cache" })).toContain(
        `session-cache cannot be retired while ${incident}, ${change} are open on it. Close them first.`,
      );
      expect(await cmdb(d, "rita", "show", { ci: "session-cache" })).toContain("Operational");
    });
  });

  describe("WHEN an agent outside the owner group relates the group's CI", () => {
    it("THEN the owners get a direct message; Confirm records it, Reject drops it, and the requester is told", async () => {
      const d = driver();
      await cmdb(d, "ada", "add", { ci: "ledger-db", type: "database", name: "Ledger DB", owner: "cab" });
      await cmdb(d, "ada", "add", { ci: "db-host-1", type: "server", name: "DB host 1" });
      await cmdb(d, "ada", "add", { ci: "db-host-2", type: "server", name: "DB host 2" });

      const asked = await cmdb(d, "ada", "relate", {
        ci: "ledger-db",
        relationship: "runs-on",
        to: "db-host-1",
      });
      expect(asked).toMatch(/CIR-\d+ \(ledger-db runs on db-host-1\) waits for cab, which owns ledger-db/);
      expect(await cmdb(d, "rita", "show", { ci: "ledger-db" })).toContain("Runs on (waiting for the owner)");
      expect((await d.directMessages("carl")).join("\n")).toContain(
        "Ada Agent asks to record that ledger-db runs on db-host-1",
      );

      const confirmed = await d.clickInDirectMessage("carl", "ledger-db runs on db-host-1", "Confirm");
      await d.settle();
      expect(confirmed.text).toContain("Confirmed CIR-");
      expect((await d.directMessages("ada")).join("\n")).toContain("Carl CAB confirmed CIR-");
      expect(await cmdb(d, "rita", "show", { ci: "db-host-1" })).toContain("Hosts");
      expect((await d.clickInDirectMessage("cleo", "ledger-db runs on db-host-1", "Reject")).text).toContain(
        "is already confirmed",
      );

      await cmdb(d, "ada", "relate", { ci: "ledger-db", relationship: "runs-on", to: "db-host-2" });
      const rejected = await d.clickInDirectMessage("cleo", "ledger-db runs on db-host-2", "Reject");
      await d.settle();
      expect(rejected.text).toContain("Rejected CIR-");
      expect((await d.directMessages("ada")).join("\n")).toContain("Cleo CAB rejected CIR-");
      expect(await cmdb(d, "rita", "show", { ci: "ledger-db" })).not.toContain("db-host-2 · DB host 2");
    });
  });

  describe("WHEN the CMDB is asked for what it cannot do", () => {
    it("THEN each gets a specific private answer and nothing is written", async () => {
      const d = driver();
      const before = await d.opsdesk.database.db.configItem.count();
      expect(await cmdb(d, "rita", "show", { ci: "no-such-ci" })).toContain(
        'There is no configuration item "no-such-ci".',
      );
      expect(
        await cmdb(d, "ada", "relate", { ci: "payments", relationship: "depends-on", to: "payments" }),
      ).toContain("payments cannot depend on itself. Name two different CIs.");
      expect(await cmdb(d, "rita", "add", { ci: "rogue", type: "server" })).toContain(
        "Only agents can add configuration items.",
      );
      expect(await cmdb(d, "ada", "add", { ci: "odd-thing", type: "spaceship" })).toContain(
        '"spaceship" is not a CI type.',
      );
      expect(await cmdb(d, "ada", "retire", { ci: "payments" })).toContain(
        "payments is a service declared in opsdesk.yaml; remove it there to retire it.",
      );
      expect(await d.opsdesk.database.db.configItem.count()).toBe(before);
    });
  });
}
