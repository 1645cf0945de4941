// Problem management (src/practices/problems), written once against the ChatDriver (../driver.ts) and run on
// every platform mode: raise by form and by text, every lifecycle step and refusal, links with incidents in
// both directions, a fix through a change (successful and rolled back), and publishing a known error.
// Otto is the desk's problem manager (test/support/desk-config.ts); Ada is an agent; Rita a requester.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { hostileLine } from "../../support/hostile-text.js";
import type { Answer, ChatDriver, OpenForm, Person } from "../driver.js";

function refIn(prefix: string, text: string): string {
  const ref = new RegExp(`${prefix}-\\d+`).exec(text)?.[0];
  if (!ref) throw new Error(`no ${prefix} in: ${text}`);
  return ref;
}

function formIn(answer: Answer): OpenForm {
  if (!answer.form) throw new Error(`expected a form, got: ${answer.text}`);
  return answer.form;
}

export function problemScenarios(driver: () => ChatDriver): void {
  const problem = async (d: ChatDriver, as: Person, subcommand: string, args: Record<string, string>) => {
    const answer = await d.run(as, { command: "problem", subcommand, args, channel: "payments" });
    await d.settle();
    return answer.text;
  };
  const click = async (d: ChatDriver, as: Person, ref: string, label: string) => {
    const answer = await d.click(as, ref, label);
    await d.settle();
    return answer;
  };
  const clickAndSubmit = async (
    d: ChatDriver,
    as: Person,
    ref: string,
    label: string,
    values: Record<string, string>,
  ) => {
    const answer = await d.submit(as, formIn(await d.click(as, ref, label)), values);
    await d.settle();
    return answer.text;
  };
  const raiseIncident = async (d: ChatDriver, title: string) => {
    const answer = await d.run("rita", {
      command: "incident",
      subcommand: "new",
      args: { title, service: "payments" },
    });
    await d.settle();
    return refIn("INC", answer.text);
  };
  const statusOf = async (d: ChatDriver, ref: string) =>
    (await d.opsdesk.database.db.problem.findUnique({ where: { number: Number(ref.slice(4)) } }))?.status;
  const problemCount = (d: ChatDriver) => d.opsdesk.database.db.problem.count();

  describe("WHEN an agent raises a problem with the form", () => {
    it("THEN it is numbered, its card is in the service's channel with the incident linked, and the incident's card shows the problem", async () => {
      const d = driver();
      const incident = await raiseIncident(d, "Card payments time out");
      const form = formIn(await d.openCreateForm("ada", "problem"));
      expect(form.id).toBe("problem.new");
      expect(form.fields).toEqual(["title", "service", "incidents", "impact", "urgency"]);
      const answer = await d.submit("ada", form, {
        title: "Payment timeouts every night",
        service: "payments",
        incidents: incident,
        impact: "high",
        urgency: "high",
      });
      await d.settle();
      const ref = refIn("PRB", answer.text);
      expect(answer.text).toContain(
        `${ref} is raised with priority P1: Payment timeouts every night (linked: ${incident})`,
      );
      const card = await d.card(ref);
      expect(card.channel).toBe("payments");
      expect(card.fields.Status).toBe("New");
      expect(card.fields.Priority).toBe("P1 · Critical");
      expect(card.fields.Incidents).toBe(`${incident} · Card payments time out (New)`);
      expect(card.buttons).toEqual([
        "Assess",
        "Assign to me",
        "Add note",
        "Record root cause",
        "Record workaround",
        "Cancel",
      ]);
      expect((await d.card(incident)).fields.Problem).toBe(`${ref} · Payment timeouts every night (New)`);
      expect(await d.threadLines(incident)).toContainEqual(
        expect.stringContaining(
          `Ada Agent linked ${incident}: Problem: ${ref} · Payment timeouts every night`,
        ),
      );
      expect(await d.threadLines(ref)).toEqual([`Ada Agent raised ${ref} (P1 · Critical).`]);
    });
  });

  describe("WHEN a problem is worked through its lifecycle by text and buttons", () => {
    it("THEN each step moves it on, the thread tells the story, refusals say what to do, and a manager closes it", async () => {
      const d = driver();
      const ref = refIn(
        "PRB",
        await problem(d, "ada", "new", {
          title: "Nightly batch exhausts the DB pool",
          service: "payments",
          symptom: "Checkout spins, then fails",
        }),
      );
      expect((await click(d, "ada", ref, "Assess")).text).toContain(`${ref} is being assessed.`);
      expect((await d.card(ref)).fields.Owner).toBe("Ada Agent");
      expect(await problem(d, "ada", "fix", { ref })).toContain(
        `${ref} is assess, so you cannot start the fix of it. Start the root cause analysis first.`,
      );
      expect((await click(d, "ada", ref, "Start analysis")).text).toContain(
        `Root cause analysis of ${ref} has started.`,
      );
      expect((await click(d, "ada", ref, "Start fix")).text).toContain(
        `${ref} has no root cause yet. Record it first: /problem cause ${ref} <what causes it>.`,
      );
      expect(
        await clickAndSubmit(d, "ada", ref, "Record root cause", {
          cause: "Pool of 10 for 40 workers",
          category: "capacity",
        }),
      ).toContain(`The root cause of ${ref} is recorded.`);
      expect(await problem(d, "ada", "workaround", { ref, text: "Restart the payments worker" })).toContain(
        `The workaround for ${ref} is recorded.`,
      );
      expect(await problem(d, "ada", "fix", { ref })).toContain(`The fix of ${ref} is in progress.`);
      expect(await problem(d, "ada", "resolve", { ref, note: "Pool raised to 50" })).toContain(
        `${ref} is resolved.`,
      );
      expect(await problem(d, "ada", "close", { ref })).toContain(
        `Only the Problem managers group can do that to ${ref}.`,
      );
      expect((await click(d, "otto", ref, "Close")).text).toContain(`${ref} is closed.`);
      const card = await d.card(ref);
      expect(card.fields.Symptom).toBe("Checkout spins, then fails");
      expect(card.fields.Status).toBe("Closed");
      expect(card.fields["Root cause"]).toBe("Pool of 10 for 40 workers (Capacity)");
      expect(card.fields.Workaround).toBe("Restart the payments worker");
      expect(card.fields.Resolution).toBe("Pool raised to 50");
      expect(card.buttons).toEqual([]);
      expect(await d.threadLines(ref)).toEqual([
        `Ada Agent raised ${ref} (P3 · Moderate).`,
        `Ada Agent is assessing ${ref}.`,
        `Ada Agent started the root cause analysis of ${ref}.`,
        "Ada Agent recorded the root cause: Pool of 10 for 40 workers",
        "Ada Agent recorded a workaround: Restart the payments worker",
        `Ada Agent started the fix of ${ref}.`,
        `Ada Agent resolved ${ref}: Pool raised to 50`,
        `Otto Agent closed ${ref}.`,
      ]);
      expect(await problem(d, "otto", "cancel", { ref, reason: "Too late" })).toContain(
        `${ref} is closed, so you cannot cancel it. Closed problems cannot change; raise a new problem instead.`,
      );
      expect(await d.cardsPosted(ref)).toBe(1);
    });

    it("THEN a manager moves it on and cancels it with a reason from the form, and an agent who is no manager cannot cancel", async () => {
      const d = driver();
      const ref = refIn("PRB", await problem(d, "ada", "new", { title: "Login slow on Mondays" }));
      await problem(d, "ada", "assess", { ref });
      expect(await problem(d, "otto", "analyse", { ref })).toContain(
        `Root cause analysis of ${ref} has started.`,
      );
      expect(await problem(d, "ada", "assign", { ref })).toContain(`You already own ${ref}.`);
      expect(await clickAndSubmit(d, "ada", ref, "Cancel", { reason: "Duplicate" })).toContain(
        `Only the Problem managers group can do that to ${ref}.`,
      );
      expect(
        await clickAndSubmit(d, "otto", ref, "Cancel", { reason: "Duplicate of an older problem" }),
      ).toContain(`${ref} is cancelled.`);
      expect((await d.card(ref)).fields["Cancelled because"]).toBe("Duplicate of an older problem");
      expect(await statusOf(d, ref)).toBe("cancelled");
    });
  });

  describe("WHEN a problem is asked for that cannot be", () => {
    it("THEN a requester, an unknown problem, an unknown incident and oversize text each get a specific answer and nothing is written", async () => {
      const d = driver();
      const before = await problemCount(d);
      expect(await problem(d, "rita", "new", { title: "I think it is the database" })).toContain(
        "Only agents can raise problems.",
      );
      expect(await problem(d, "ada", "show", { ref: "PRB-987654" })).toContain("There is no PRB-987654.");
      expect(await problem(d, "ada", "assess", { ref: "PRB-987654" })).toContain("There is no PRB-987654.");
      expect(
        await problem(d, "ada", "new", { title: "Timeouts", service: "payments", incidents: "INC-987654" }),
      ).toContain("There is no INC-987654.");
      expect(await problem(d, "ada", "new", { title: "Timeouts", incidents: "banana" })).toContain(
        '"banana" in incidents: is not an incident. Write them like incidents:INC-3,INC-5.',
      );
      expect(await problem(d, "ada", "new", { title: "x".repeat(151) })).toMatch(/title/i);
      expect(await problemCount(d)).toBe(before);

      const ref = refIn("PRB", await problem(d, "ada", "new", { title: hostileLine }));
      expect(await problem(d, "ada", "note", { ref, text: "y".repeat(3001) })).toMatch(/text|note/i);
      expect(await problem(d, "rita", "note", { ref, text: "It happened again" })).toContain(
        `Only agents can work problems; you can follow ${ref} with /problem show ${ref}.`,
      );
      expect(await problem(d, "rita", "show", { ref })).toContain(ref);
      expect(await d.threadLiveMarkup(ref)).toEqual([]);
    });
  });

  describe("WHEN incidents and problems are linked from either side", () => {
    it("THEN both cards show it, linking twice is refused, unlinking removes it, and a problem with open incidents cannot close", async () => {
      const d = driver();
      const incident = await raiseIncident(d, "Refunds fail with 502");
      const ref = refIn(
        "PRB",
        await problem(d, "ada", "new", { title: "Gateway drops refunds", service: "payments" }),
      );
      expect(await problem(d, "ada", "link", { ref, item: incident })).toContain(
        `${ref} is linked to ${incident} (Incidents): Refunds fail with 502`,
      );
      expect((await d.card(ref)).fields.Incidents).toBe(`${incident} · Refunds fail with 502 (New)`);
      expect((await d.card(incident)).fields.Problem).toBe(`${ref} · Gateway drops refunds (New)`);
      const twice = await d.run("ada", {
        command: "incident",
        subcommand: "link",
        args: { ref: incident, item: ref },
      });
      expect(twice.text).toContain(`${incident} and ${ref} are already linked (Problem).`);
      expect(await problem(d, "rita", "link", { ref, item: incident })).toContain(
        "Only agents can link problems.",
      );

      await problem(d, "ada", "assess", { ref });
      await problem(d, "ada", "analyse", { ref });
      await problem(d, "ada", "cause", { ref, cause: "Gateway keep-alive too short" });
      await problem(d, "ada", "fix", { ref });
      await problem(d, "ada", "resolve", { ref, note: "Keep-alive raised" });
      const told = `${ref} is resolved: Keep-alive raised. If ${incident} is fixed too, resolve it as fixed by ${ref}.`;
      expect(await d.threadLines(incident)).toContain(told);
      expect(await d.directMessages("rita")).toContainEqual(expect.stringContaining(told));
      expect(await problem(d, "otto", "close", { ref })).toContain(
        `${ref} still has open incidents: ${incident}. Resolve them (or unlink them) before closing it.`,
      );
      expect(await problem(d, "ada", "unlink", { ref, item: incident })).toContain(
        `${ref} is no longer linked to ${incident}.`,
      );
      expect((await d.card(incident)).fields.Problem).toBeUndefined();
      expect((await d.card(ref)).fields.Incidents).toBeUndefined();
      expect(await problem(d, "otto", "close", { ref })).toContain(`${ref} is closed.`);
    });
  });

  describe("WHEN the fix of a problem is a change", () => {
    const day = () => DateTime.now().setZone("Europe/Berlin").plus({ days: 9 }).toFormat("yyyy-MM-dd");
    const change = async (d: ChatDriver, subcommand: string, args: Record<string, string>) => {
      const answer = await d.run("ada", { command: "change", subcommand, args, channel: "approvals" });
      await d.settle();
      return answer.text;
    };
    const fixedBy = async (d: ChatDriver, title: string) => {
      const ref = refIn("PRB", await problem(d, "ada", "new", { title, service: "payments" }));
      await problem(d, "ada", "assess", { ref });
      await problem(d, "ada", "analyse", { ref });
      await problem(d, "ada", "cause", { ref, cause: "Expired intermediate certificate" });
      const chg = refIn(
        "CHG",
        await change(d, "new", { type: "standard", template: "cert-rotation", start: `${day()} 06:00` }),
      );
      expect(await problem(d, "ada", "fix", { ref, change: chg })).toContain(
        `The fix of ${ref} is ${chg}: ${ref} is resolved when it closes successful.`,
      );
      await change(d, "submit", { ref: chg });
      await change(d, "start", { ref: chg });
      await change(d, "finish", { ref: chg });
      return { ref, chg };
    };

    it("THEN the problem is resolved when the change closes successful", async () => {
      const d = driver();
      const { ref, chg } = await fixedBy(d, "TLS handshakes fail for some cards");
      expect((await d.card(ref)).fields["Fixed by"]).toContain(chg);
      expect(await change(d, "close", { ref: chg, code: "successful" })).toContain(`${chg} is closed.`);
      expect(await statusOf(d, ref)).toBe("resolved");
      const card = await d.card(ref);
      expect(card.fields.Status).toBe("Resolved");
      expect(card.fields.Resolution).toBe(`Fixed by ${chg}, closed successful.`);
    });

    it("THEN the problem stays in fix in progress when the change is rolled back, and its thread says so", async () => {
      const d = driver();
      const { ref, chg } = await fixedBy(d, "TLS handshakes fail after rotation");
      expect(await change(d, "close", { ref: chg, code: "rolled_back" })).toContain(`${chg} is closed.`);
      expect(await statusOf(d, ref)).toBe("fix_in_progress");
      expect(await d.threadLines(ref)).toContain(
        `${chg} was rolled back, so ${ref} stays in fix in progress.`,
      );
      expect(await problem(d, "ada", "fix", { ref, change: "CHG-987654" })).toContain(
        "There is no CHG-987654.",
      );
    });
  });

  describe("WHEN a problem with a documented workaround is published as a known error", () => {
    it("THEN a manager publishes it once as KE-n, the card says so, and /problem list known lists it", async () => {
      const d = driver();
      const ref = refIn(
        "PRB",
        await problem(d, "ada", "new", { title: "Receipts e-mail bounces", service: "payments" }),
      );
      expect(await problem(d, "otto", "publish", { ref })).toContain(
        `${ref} is new, so you cannot publish a known error from it. Assess it first.`,
      );
      await problem(d, "ada", "assess", { ref });
      expect(await problem(d, "otto", "publish", { ref })).toContain(
        `${ref} has neither a root cause nor a workaround yet, so there is nothing to publish.`,
      );
      await problem(d, "ada", "workaround", { ref, text: "Resend from the admin page" });
      expect(await problem(d, "ada", "publish", { ref })).toContain(
        `Only the Problem managers group can do that to ${ref}.`,
      );
      const published = (await click(d, "otto", ref, "Publish known error")).text;
      const ke = refIn("KE", published);
      expect(published).toContain(`${ref} is published as known error ${ke}.`);
      expect((await d.card(ref)).fields["Known error"]).toBe(ke);
      expect(await problem(d, "otto", "publish", { ref })).toContain(`${ref} is already published as ${ke}.`);
      expect(await problem(d, "rita", "list", { scope: "known" })).toContain(ref);
    });

    it("THEN raising a look-alike incident suggests it with its workaround and Apply workaround, and a near miss suggests nothing", async () => {
      const d = driver();
      const ref = refIn(
        "PRB",
        await problem(d, "ada", "new", {
          title: "Password reset links expire instantly",
          service: "payments",
        }),
      );
      await problem(d, "ada", "assess", { ref });
      await problem(d, "ada", "workaround", { ref, text: "Send the reset link from the admin console" });
      const ke = refIn("KE", await problem(d, "otto", "publish", { ref }));

      const raised = await d.run("rita", {
        command: "incident",
        subcommand: "new",
        args: { title: "Reset password link expired", service: "payments" },
      });
      await d.settle();
      const incident = refIn("INC", raised.text);
      expect(raised.text).toContain(
        `${ke} · Password reset links expire instantly (Published) — Send the reset link from the admin console`,
      );
      expect(raised.buttons).toContain("Apply workaround");
      const card = await d.card(incident);
      expect(card.fields["Looks like"]).toBe(
        `${ke} · Password reset links expire instantly (Published) — Send the reset link from the admin console`,
      );
      expect(card.buttons).toContain("Apply workaround");

      expect((await click(d, "rita", incident, "Apply workaround")).text).toContain(
        `Only agents can apply a workaround to ${incident}.`,
      );
      expect((await click(d, "ada", incident, "Apply workaround")).text).toContain(
        `${incident} is linked to ${ref} (${ke}); its thread has the workaround: Send the reset link from the admin console`,
      );
      expect(await d.threadLines(incident)).toContainEqual(
        expect.stringContaining("Send the reset link from the admin console"),
      );
      expect((await d.card(ref)).fields.Incidents).toContain(incident);

      const nearMiss = await d.run("rita", {
        command: "incident",
        subcommand: "new",
        args: { title: "Password manager extension crashes", service: "payments" },
      });
      expect(nearMiss.text).not.toContain("Looks like");
      expect(nearMiss.buttons).not.toContain("Apply workaround");
    });
  });

  describe("WHEN incidents on one service look alike within the window", () => {
    const raiseThree = async (d: ChatDriver, titles: readonly string[]) => {
      const refs: string[] = [];
      for (const title of titles) refs.push(await raiseIncident(d, title));
      return refs;
    };
    const clusterOf = async (d: ChatDriver, incident: string) => {
      const row = await d.opsdesk.database.db.recurringClusterIncident.findUnique({
        where: { incidentKey: incident.slice(4) },
      });
      return row ? `RC-${row.clusterId}` : undefined;
    };

    it("THEN the job posts once per cluster (also run twice at once), Open problem raises it with the incidents linked, and Dismiss is never suggested again", async () => {
      const d = driver();
      const job = (now: Date) => d.opsdesk.practices.problems.recurring(now);
      const ledger = await raiseThree(d, [
        "Ledger export stalls at 02:00",
        "Ledger export stalled again",
        "ledger EXPORT stalls overnight",
      ]);
      // Eight days on, they are out of the seven-day window: nothing is suggested.
      await job(new Date(Date.now() + 8 * 86_400_000));
      expect(await clusterOf(d, ledger[0] ?? "")).toBeUndefined();
      await Promise.allSettled([job(new Date()), job(new Date())]);
      await job(new Date());
      await d.settle();
      const rc = (await clusterOf(d, ledger[0] ?? "")) ?? "";
      expect(rc).toMatch(/^RC-\d+$/);
      const card = await d.card(rc);
      expect(card.channel).toBe("payments");
      expect(card.title).toBe(
        `${rc} · 3 incidents on Payments API in 7 days look alike: ${ledger.join(", ")}`,
      );
      expect(card.buttons).toEqual(["Open problem", "Dismiss"]);
      expect(await d.cardsPosted(rc)).toBe(1);

      expect((await click(d, "rita", rc, "Open problem")).text).toContain(
        "Only agents can answer a recurring-incident suggestion.",
      );
      const opened = (await click(d, "ada", rc, "Open problem")).text;
      const prb = refIn("PRB", opened);
      expect(opened).toContain(`${prb} is raised with ${ledger.join(", ")} linked.`);
      expect((await d.card(prb)).fields.Incidents?.split("\n")).toHaveLength(3);
      expect((await d.card(ledger[1] ?? "")).fields.Problem).toContain(prb);
      expect((await d.card(rc)).fields.Outcome).toBe(`Opened ${prb} (Ada Agent)`);

      const badges = await raiseThree(d, [
        "Badge printer jams on cards",
        "badge printer jammed",
        "Badge printers jam",
      ]);
      await job(new Date());
      await d.settle();
      const second = (await clusterOf(d, badges[0] ?? "")) ?? "";
      expect((await click(d, "otto", second, "Dismiss")).text).toContain(
        `${second} is dismissed: ${badges.join(", ")} will not be suggested again.`,
      );
      expect((await d.card(second)).buttons).toEqual([]);
      await job(new Date());
      await d.settle();
      expect(await d.cardsPosted(second)).toBe(1);
      expect(
        await d.opsdesk.database.db.recurringCluster.count({
          where: {
            status: "posted",
            incidents: { some: { incidentKey: { in: [...ledger, ...badges].map((r) => r.slice(4)) } } },
          },
        }),
      ).toBe(0);
    });
  });
}
