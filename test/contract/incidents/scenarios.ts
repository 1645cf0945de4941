// The incident scenarios, written once and run on every platform mode (see ../driver.ts). They speak only
// through the ChatDriver: what people do in chat and what they can read there, plus the database for
// "nothing was created". A scenario that needs a platform branch belongs in that platform's own e2e tests.
import { beforeAll, describe, expect, it } from "vitest";
import { hostileLine } from "../../support/hostile-text.js";
import type { Answer, ChatDriver, Person } from "../driver.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function incidentScenarios(driver: () => ChatDriver): void {
  let desk: ChatDriver;
  beforeAll(() => {
    desk = driver();
  });

  function refIn(answer: Answer): string {
    const ref = /INC-\d+/.exec(answer.text)?.[0];
    if (!ref) throw new Error(`no incident reference in the answer: ${answer.text}`);
    return ref;
  }

  async function raise(
    title: string,
    as: Person = "rita",
    args: Record<string, string> = {},
  ): Promise<string> {
    const answer = await desk.run(as, {
      command: "incident",
      subcommand: "new",
      args: { title, service: "payments", ...args },
    });
    expect(answer.text).toContain("is raised");
    await desk.settle();
    return refIn(answer);
  }

  function formIn(answer: Answer) {
    if (!answer.form) throw new Error(`expected a form, got: ${answer.text}`);
    return answer.form;
  }

  /** Clicks a button that opens a form, then submits the form. */
  async function clickAndSubmit(as: Person, ref: string, label: string, values: Record<string, string>) {
    const form = formIn(await desk.click(as, ref, label));
    const answer = await desk.submit(as, form, values);
    await desk.settle();
    return answer.text;
  }

  async function clickNow(as: Person, ref: string, label: string): Promise<string> {
    const answer = await desk.click(as, ref, label);
    await desk.settle();
    return answer.text;
  }

  const incidents = () => desk.opsdesk.database.db.incident;
  const statusOf = async (ref: string) =>
    (await incidents().findUniqueOrThrow({ where: { number: Number(ref.slice(4)) } })).status;

  describe("WHEN someone raises an incident", () => {
    it("THEN the arguments raise it, the answer is private and the card goes to the service's channel with its buttons and thread", async () => {
      const answer = await desk.run("rita", {
        command: "incident",
        subcommand: "new",
        args: { title: "Payments API is down", impact: "high", urgency: "high", service: "payments" },
      });
      expect(answer.text).toMatch(/INC-\d+ is raised with priority P1: Payments API is down/);
      const ref = refIn(answer);
      await desk.settle();
      const card = await desk.card(ref);
      expect(card.channel).toBe("payments");
      expect(card.title).toBe(`${ref} · Payments API is down`);
      expect(card.fields).toMatchObject({
        Status: "New",
        Service: "Payments API",
        Reporter: "Rita Reporter",
      });
      expect(card.fields.Priority).toContain("P1");
      expect(card.buttons).toEqual(
        expect.arrayContaining([
          "Acknowledge",
          "Assign to me",
          "Add note",
          "Change priority",
          "Put on hold",
          "Resolve",
          "Declare major",
        ]),
      );
      expect(await desk.threadLines(ref)).toEqual([expect.stringContaining(`Rita Reporter raised ${ref}`)]);
      expect(await desk.cardsPosted(ref)).toBe(1);
    });

    it("THEN an incident without a service goes to the default incidents channel", async () => {
      const answer = await desk.run("rita", {
        command: "incident",
        subcommand: "new",
        args: { title: "Printer on floor 3 jams" },
      });
      const ref = refIn(answer);
      await desk.settle();
      const card = await desk.card(ref);
      expect(card.channel).toBe("incidents");
      expect(card.fields.Service).toBe("None");
    });

    it("THEN the create form asks for the essentials, and submitting it raises the incident", async () => {
      const form = formIn(await desk.openCreateForm("rita", "incident"));
      expect(form.id).toBe("incident.new");
      expect(form.fields).toEqual(expect.arrayContaining(["title", "impact", "urgency", "service"]));
      const answer = await desk.submit("rita", form, {
        title: "Login page blank",
        impact: "high",
        urgency: "low",
        service: "payments",
      });
      expect(answer.text).toMatch(/INC-\d+ is raised with priority P3: Login page blank/);
      await desk.settle();
      expect((await desk.card(refIn(answer))).channel).toBe("payments");
    });

    it("THEN Raise incident on a message opens the form prefilled with the message and a link to it", async () => {
      const form = formIn(await desk.raiseFromMessage("rita", "Checkout returns 502 since 10:02"));
      expect(form.id).toBe("incident.new");
      expect(form.prefill.title).toBe("Checkout returns 502 since 10:02");
      expect(form.prefill.description).toContain("Checkout returns 502 since 10:02");
      // A link back to the message: https on Slack and Discord, plain http for the console on loopback.
      expect(form.prefill.description).toMatch(/https?:\/\//);
    });
  });

  describe("WHEN people type mention and link markup into what they write", () => {
    // <!channel>, <!here>, <!subteam^…>, <@U…>, <url|label>, @everyone, <@snowflake>: each must reach the
    // thread as the words typed, never as a ping or a disguised link.
    it("THEN every note and reason shows in the card's thread as typed, and nothing in it is live", async () => {
      const ref = await raise(`Hostile ${hostileLine}`.slice(0, 150));
      await clickAndSubmit("otto", ref, "Add note", { text: hostileLine });
      await clickAndSubmit("otto", ref, "Change priority", {
        impact: "high",
        urgency: "high",
        reason: hostileLine,
      });
      await clickAndSubmit("otto", ref, "Put on hold", { reason: "awaiting_vendor", note: hostileLine });
      await clickNow("otto", ref, "Resume");
      await clickAndSubmit("otto", ref, "Resolve", { code: "fixed", note: hostileLine });
      await clickAndSubmit("rita", ref, "Reopen", { reason: hostileLine });
      const lines = await desk.threadLines(ref);
      for (const what of ["added a note", "changed the priority", "on hold", "resolved", "reopened"]) {
        expect(lines).toContainEqual(
          expect.stringMatching(new RegExp(`${what}.*${escapeRegExp(hostileLine)}$`)),
        );
      }
      expect(await desk.threadLiveMarkup(ref)).toEqual([]);

      const cancelled = await raise("Hostile cancel");
      await clickAndSubmit("rita", cancelled, "Cancel", { reason: hostileLine });
      expect(await desk.threadLines(cancelled)).toContainEqual(
        `Rita Reporter cancelled ${cancelled}: ${hostileLine}`,
      );
      expect(await desk.threadLiveMarkup(cancelled)).toEqual([]);
    });

    it("THEN Raise incident on a message with markup prefills it as written, once unescaped", async () => {
      const form = formIn(await desk.raiseFromMessage("rita", `Checkout & cart <broken> ${hostileLine}`));
      expect(form.prefill.title).toBe(`Checkout & cart <broken> ${hostileLine}`);
    });
  });

  describe("WHEN Raise incident is used on a message whose emoji straddles a form limit", () => {
    // An emoji is two UTF-16 units; cut by index at 150 (title) or 3000 (description) it leaves a lone
    // surrogate, which is not valid Unicode and which Discord has answered with 500 (discord-api-docs 6561).
    it("THEN the form opens, each prefill within its limit, with whole emoji and nothing but a prefix of the message", async () => {
      const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
      const title = `${"t".repeat(149)}😀👩‍👩‍👧 more`;
      const body = `${"d".repeat(2_997)}😀${"e".repeat(100)}`;
      const form = formIn(await desk.raiseFromMessage("rita", `${title}\n${body}`));
      expect(form.id).toBe("incident.new");
      const prefillTitle = form.prefill.title ?? "";
      const description = form.prefill.description ?? "";
      expect(prefillTitle.length).toBeLessThanOrEqual(150);
      expect(description.length).toBeLessThanOrEqual(3_000);
      expect(loneSurrogate.test(prefillTitle)).toBe(false);
      expect(loneSurrogate.test(description)).toBe(false);
      expect(title.startsWith(prefillTitle.replace(/…$/, ""))).toBe(true);
      expect(description.startsWith(title.slice(0, 100))).toBe(true);
      // The link back to the message survives the cut.
      expect(description).toMatch(/https?:\/\/\S+$/);
    });
  });

  describe("WHEN someone looks incidents up", () => {
    it("THEN list, show and help answer privately with what they asked for", async () => {
      const ref = await raise("Listed and shown");
      const open = await desk.run("ada", {
        command: "incident",
        subcommand: "list",
        args: { scope: "open" },
      });
      expect(open.text).toContain(`${ref} · Listed and shown`);
      const mine = await desk.run("rita", { command: "incident", subcommand: "list" });
      expect(mine.text).toContain(ref);
      const shown = await desk.run("ada", { command: "incident", subcommand: "show", args: { ref } });
      expect(shown.text).toContain(`${ref} · Listed and shown`);
      expect(shown.text).toContain("New");
      expect(shown.buttons).toContain("Acknowledge");
      const help = await desk.run("ada", { command: "incident", subcommand: "help" });
      expect(help.text).toContain("/incident");
      for (const subcommand of ["list", "show", "resolve"]) expect(help.text).toContain(subcommand);
    });
  });

  describe("WHEN agents work an incident with the card's buttons", () => {
    it("THEN Acknowledge updates the one card in place and adds a line in its thread", async () => {
      const ref = await raise("Card updates in place");
      const before = await desk.card(ref);
      expect(await clickNow("ada", ref, "Acknowledge")).toContain(`You acknowledged ${ref}`);
      const after = await desk.card(ref);
      expect(after.messageId).toBe(before.messageId);
      expect(after.fields.Status).toBe("In progress");
      expect(after.buttons).not.toContain("Acknowledge");
      expect(await desk.threadLines(ref)).toContain(`Ada Agent acknowledged ${ref}.`);
      expect(await desk.cardsPosted(ref)).toBe(1);
    });

    it("THEN each button changes the one card and tells the person what happened, in order in the thread", async () => {
      const ref = await raise("Every button");
      expect(await clickNow("otto", ref, "Assign to me")).toContain(`${ref} is assigned.`);
      expect((await desk.card(ref)).fields.Assignee).toBe("Otto Agent");

      expect(await clickAndSubmit("otto", ref, "Add note", { text: "Looking at the logs" })).toContain(
        `Your note is on ${ref}.`,
      );
      expect(
        await clickAndSubmit("otto", ref, "Change priority", {
          impact: "high",
          urgency: "high",
          reason: "All stores",
        }),
      ).toContain(`${ref}'s priority changed.`);
      expect((await desk.card(ref)).fields.Priority).toContain("P1");

      expect(await clickAndSubmit("otto", ref, "Put on hold", { reason: "awaiting_vendor" })).toContain(
        `${ref} is on hold.`,
      );
      const held = await desk.card(ref);
      expect(held.fields.Status).toContain("On hold");
      expect(held.buttons).toContain("Resume");
      expect(await clickNow("otto", ref, "Resume")).toContain(`${ref} is back in progress.`);

      expect(await clickAndSubmit("otto", ref, "Resolve", { code: "fixed", note: "Patched" })).toContain(
        `${ref} is resolved.`,
      );
      const resolved = await desk.card(ref);
      expect(resolved.fields.Status).toBe("Resolved");
      expect(resolved.fields["Resolution note"]).toBe("Patched");
      expect(await clickAndSubmit("rita", ref, "Reopen", { reason: "Broken again" })).toContain(
        `${ref} is reopened.`,
      );
      expect(
        await clickAndSubmit("otto", ref, "Resolve", { code: "fixed", note: "Really patched" }),
      ).toContain(`${ref} is resolved.`);
      expect(await clickNow("otto", ref, "Close")).toContain(`${ref} is closed.`);
      expect((await desk.card(ref)).buttons).toEqual([]);

      expect(await desk.threadLines(ref)).toEqual([
        expect.stringContaining("raised"),
        expect.stringContaining("assigned"),
        expect.stringContaining("added a note: Looking at the logs"),
        expect.stringContaining("changed the priority"),
        expect.stringContaining("on hold"),
        expect.stringContaining("resumed"),
        expect.stringContaining("resolved"),
        expect.stringContaining("reopened"),
        expect.stringContaining("resolved"),
        expect.stringContaining("closed"),
      ]);
      expect(await desk.cardsPosted(ref)).toBe(1);
    });

    it("THEN the reporter can cancel an incident raised by mistake, giving a reason", async () => {
      const ref = await raise("Raised by mistake");
      expect(await clickAndSubmit("rita", ref, "Cancel", { reason: "Duplicate of another" })).toContain(
        `${ref} is cancelled.`,
      );
      expect((await desk.card(ref)).fields.Status).toBe("Cancelled");
    });

    it("THEN Declare major opens a dedicated room with the people in it, the summary pinned and a link from the card", async () => {
      const ref = await raise("Everything is on fire");
      await clickNow("ada", ref, "Acknowledge");
      expect(await clickNow("ada", ref, "Declare major")).toContain(`${ref} is now a major incident.`);
      const room = await desk.majorRoom(ref);
      expect(room?.name).toBe(`inc-${ref.slice(4)}-everything-is-on-fire`);
      expect([...(room?.members ?? [])].sort()).toEqual(["ada", "rita"]);
      expect(room?.pinned).toContain(`${ref} · Everything is on fire`);
      expect(room?.linkedFromCardThread).toBe(true);
      expect((await desk.card(ref)).fields["Major incident"]).toBe("Yes");
    });
  });

  describe("WHEN someone without the right tries", () => {
    it("THEN a person without the agent role is refused privately and nothing changes", async () => {
      const ref = await raise("Refusal case");
      expect(await clickNow("stranger", ref, "Acknowledge")).toContain("Only agents");
      expect(await statusOf(ref)).toBe("new");
      expect((await desk.card(ref)).fields.Status).toBe("New");
      const typed = await desk.run("stranger", { command: "incident", subcommand: "ack", args: { ref } });
      expect(typed.text).toContain("Only agents");
      expect(await statusOf(ref)).toBe("new");
    });

    it("THEN the reporter may not declare their own incident major", async () => {
      const ref = await raise("Reporter overreach");
      expect(await clickNow("rita", ref, "Declare major")).toContain("Only agents");
      expect(await desk.majorRoom(ref)).toBeUndefined();
      expect((await desk.card(ref)).fields["Major incident"]).toBe("No");
    });
  });

  describe("WHEN the input is wrong", () => {
    it("THEN an empty title in the form is pointed out and nothing is created", async () => {
      const before = await incidents().count();
      const form = formIn(await desk.openCreateForm("rita", "incident"));
      const answer = await desk.submit("rita", form, { title: "   " });
      expect(answer.text).toContain("title");
      expect(await incidents().count()).toBe(before);
    });

    it("THEN an unknown service, an unknown ticket, a value that does not parse and an oversize title are explained privately", async () => {
      const before = await incidents().count();
      const unknownService = await desk.run("ada", {
        command: "incident",
        subcommand: "new",
        args: { title: "Broken", service: "nope" },
      });
      expect(unknownService.text).toContain('There is no service "nope"');
      const unknownTicket = await desk.run("ada", {
        command: "incident",
        subcommand: "show",
        args: { ref: "INC-99999" },
      });
      expect(unknownTicket.text).toContain("There is no INC-99999");
      const badChoice = await desk.run("ada", {
        command: "incident",
        subcommand: "new",
        args: { title: "Broken", impact: "hgih" },
      });
      expect(badChoice.text).toContain("impact");
      const oversize = await desk.run("ada", {
        command: "incident",
        subcommand: "new",
        args: { title: "x".repeat(151) },
      });
      expect(oversize.text).toContain("title");
      expect(oversize.text).toContain("150");
      expect(await incidents().count()).toBe(before);
    });

    it("THEN a description as long as allowed is accepted and the card stays within the platform's limits", async () => {
      const description = "lorem ipsum 😀 ".repeat(250).slice(0, 2900);
      const ref = await raise("Huge report", "rita", { description });
      expect(await desk.cardsPosted(ref)).toBe(1);
      expect((await desk.card(ref)).text).toContain("lorem ipsum 😀 lorem ipsum");
    });
  });

  describe("WHEN things happen at once or twice", () => {
    it("THEN of two agents acknowledging together one succeeds and the other is told it was already done", async () => {
      const ref = await raise("Double click");
      const answers = await Promise.all([
        desk.click("ada", ref, "Acknowledge"),
        desk.click("otto", ref, "Acknowledge"),
      ]);
      const texts = answers.map((answer) => answer.text);
      expect(texts.filter((text) => text.includes(`You acknowledged ${ref}`))).toHaveLength(1);
      expect(texts.filter((text) => text.includes(`${ref} was already acknowledged`))).toHaveLength(1);
      await desk.settle();
      expect((await desk.threadLines(ref)).filter((line) => line.includes("acknowledged"))).toHaveLength(1);
    });

    it("THEN two people raising at the same moment get two incidents with their own numbers and cards", async () => {
      const [first, second] = await Promise.all([
        desk.run("rita", {
          command: "incident",
          subcommand: "new",
          args: { title: "Same moment one", service: "payments" },
        }),
        desk.run("ada", {
          command: "incident",
          subcommand: "new",
          args: { title: "Same moment two", service: "payments" },
        }),
      ]);
      const refs = [refIn(first as Answer), refIn(second as Answer)];
      expect(new Set(refs).size).toBe(2);
      await desk.settle();
      for (const ref of refs) expect(await desk.cardsPosted(ref)).toBe(1);
    });

    it("THEN a command delivered twice raises one incident with one card and one answer", async () => {
      const ref = await raise("Delivered twice");
      await desk.redeliverLast("rita");
      await desk.settle();
      expect(await incidents().count({ where: { title: "Delivered twice" } })).toBe(1);
      expect(await desk.cardsPosted(ref)).toBe(1);
      const raised = (await desk.privateReplies("rita")).filter((text) => text.includes("Delivered twice"));
      expect(raised).toHaveLength(1);
    });

    it("THEN a click delivered twice acts once", async () => {
      const ref = await raise("Clicked, delivered twice");
      await clickNow("ada", ref, "Acknowledge");
      await desk.redeliverLast("ada");
      await desk.settle();
      expect((await desk.threadLines(ref)).filter((line) => line.includes("acknowledged"))).toHaveLength(1);
      const aboutThis = new RegExp(`${ref}\\b`);
      const replies = (await desk.privateReplies("ada")).filter((text) => aboutThis.test(text));
      expect(replies).toEqual([expect.stringContaining(`You acknowledged ${ref}`)]);
    });
  });
}
