// Service requests end to end, written once against the ChatDriver (../driver.ts) and run on every platform
// mode, with the catalog of the test desk (test/support/desk-config.ts): a 3-field laptop approved by the
// requester's manager with ordered tasks, access approved by a CAB quorum of 2 with parallel tasks, a
// password reset without approval, and a 9-field new starter (two forms on Discord). Buttons in private
// answers and direct messages are not clickable through the driver, so their text equivalents are used
// (every button runs the same `/request` subcommand); task cards are clicked in their channel.
import { describe, expect, it } from "vitest";
import type { Answer, ChatDriver, OpenForm, Person } from "../driver.js";

function refIn(text: string): string {
  const ref = /REQ-\d+/.exec(text)?.[0];
  if (!ref) throw new Error(`no request in: ${text}`);
  return ref;
}

async function request(
  d: ChatDriver,
  as: Person,
  subcommand: string,
  args: Readonly<Record<string, string>> = {},
): Promise<Answer> {
  const answer = await d.run(as, { command: "request", subcommand, args, channel: "approvals" });
  await d.settle();
  return answer;
}

function formIn(answer: Answer): OpenForm {
  if (!answer.form) throw new Error(`expected a form, got: ${answer.text}`);
  return answer.form;
}

async function submit(
  d: ChatDriver,
  as: Person,
  form: OpenForm,
  values: Record<string, string>,
): Promise<Answer> {
  const answer = await d.submit(as, form, values);
  await d.settle();
  return answer;
}

async function requestCount(d: ChatDriver): Promise<number> {
  return d.opsdesk.database.db.serviceRequest.count();
}

async function lastDirectMessage(d: ChatDriver, to: Person): Promise<string> {
  return (await d.directMessages(to)).at(-1) ?? "";
}

export function requestScenarios(driver: () => ChatDriver): void {
  describe("GIVEN the service catalog", () => {
    it("WHEN someone types /request THEN the categories are offered, and search finds items by words", async () => {
      const d = driver();
      const picker = await d.openCreateForm("rita", "request");
      expect(picker.text).toContain("Service catalog");
      expect(picker.buttons).toEqual(["Hardware", "Access and accounts"]);
      const found = await request(d, "rita", "search", { words: "laptop" });
      expect(found.buttons).toEqual(["New laptop"]);
    });

    it("WHEN an unknown item, a missing required field or an item the person may not request is asked for THEN each is refused privately and nothing is written", async () => {
      const d = driver();
      const before = await requestCount(d);
      expect((await request(d, "rita", "new", { item: "laptp" })).text).toContain(
        'There is no catalog item "laptp". Did you mean laptop?',
      );
      expect((await request(d, "rita", "new", { item: "reset", values: "acount:bob" })).text).toMatch(
        /acount is not a field of Password reset[\s\S]*Account is required/,
      );
      expect((await request(d, "rita", "new", { item: "laptop", values: "ram:99" })).text).toContain(
        "Memory (GB): must be at most 64",
      );
      expect((await request(d, "rita", "new", { item: "access", values: "system:payments" })).text).toContain(
        "Only members of Service desk or Change advisory board may request Access to a system",
      );
      expect(await requestCount(d)).toBe(before);
    });
  });

  describe("GIVEN a 3-field item approved by the requester's manager, with ordered tasks", () => {
    it("WHEN it is requested through its form, approved and fulfilled THEN every step shows on the card, the tasks and the requester's messages", async () => {
      const d = driver();
      const form = formIn(await request(d, "rita", "new", { item: "laptop" }));
      expect(form.fields).toEqual(["model", "ram", "needed_by"]);
      expect(form.prefill).toMatchObject({ model: "standard", ram: "16" });

      const wrong = await submit(d, "rita", form, { model: "developer", ram: "4", needed_by: "soon" });
      expect(wrong.text).toContain("Memory (GB): must be at least 8");
      expect(wrong.text).toContain('Needed by: must be a date like 2026-12-24 (got "soon")');

      const done = await submit(d, "rita", form, { model: "developer", ram: "32", needed_by: "2026-12-24" });
      const ref = refIn(done.text);
      expect(done.text).toContain("waits for approval from Ada Agent");
      const card = await d.card(ref);
      expect(card.fields).toMatchObject({
        Status: "Awaiting approval",
        Model: "developer",
        "Memory (GB)": "32",
      });
      expect(await lastDirectMessage(d, "ada")).toContain(`Rita Reporter asks for New laptop (${ref})`);

      expect((await request(d, "rita", "approve", { ref })).text).toContain(
        `You requested ${ref}, so you cannot approve`,
      );
      expect((await request(d, "otto", "approve", { ref })).text).toContain(
        `You are not an approver of ${ref}`,
      );
      expect((await request(d, "ada", "approve", { ref })).text).toContain(`${ref} is approved`);
      expect((await request(d, "ada", "approve", { ref })).text).toContain("no longer waits for approval");
      expect(await lastDirectMessage(d, "rita")).toContain("is approved; fulfilment has started");

      // Ordered: only the first task is posted.
      const first = await d.card(`${ref}/1`);
      expect(first.fields.Instructions).toBe("Order a developer laptop with 32 GB for Rita Reporter.");
      expect(first.buttons).toEqual(["Take", "Done", "Blocked"]);
      expect(await d.cardsPosted(`${ref}/2`)).toBe(0);

      expect((await d.click("rita", `${ref}/1`, "Take")).text).toContain("belongs to Service desk");
      expect((await d.click("otto", `${ref}/1`, "Take")).text).toContain("is yours");
      await d.settle();
      expect(await lastDirectMessage(d, "rita")).toContain('Otto Agent took "Order the laptop"');
      expect((await request(d, "ada", "done", { task: `${ref}/1` })).text).toContain("is Otto Agent's task");
      expect((await request(d, "otto", "done", { task: `${ref}/1`, note: "Arrives Monday" })).text).toContain(
        "is done",
      );
      expect((await d.card(`${ref}/1`)).fields.Note).toBe("Arrives Monday");
      expect((await d.card(`${ref}/2`)).buttons).toEqual(["Take", "Done", "Blocked"]);
      expect((await request(d, "ada", "done", { task: `${ref}/2` })).text).toContain(`${ref} is fulfilled`);
      expect((await d.card(ref)).fields.Status).toBe("Fulfilled");
      expect(await lastDirectMessage(d, "rita")).toContain(`Your request ${ref} (New laptop) is fulfilled`);
      expect(await d.threadLines(ref)).toEqual(
        expect.arrayContaining([
          expect.stringContaining("Ada Agent approved"),
          expect.stringContaining("Otto Agent finished task 1"),
        ]),
      );

      expect((await request(d, "otto", "reopen", { ref, reason: "No charger" })).text).toContain(
        "Only Rita Reporter",
      );
      expect((await request(d, "rita", "reopen", { ref, reason: "No charger" })).text).toContain(
        "is reopened",
      );
      expect((await d.card(ref)).fields.Status).toBe("In fulfilment");
      expect((await d.card(`${ref}/1`)).fields.Status).toBe("Open");
    });

    it("WHEN the manager asks for more information THEN the requester gets the question, and the answer goes back to the manager", async () => {
      const d = driver();
      const ref = refIn((await request(d, "rita", "new", { item: "laptop", values: "model:standard" })).text);
      expect((await request(d, "ada", "ask", { ref, question: "Which project is it for?" })).text).toContain(
        "waits for the answer",
      );
      expect(await lastDirectMessage(d, "rita")).toContain("Ada Agent asks about your request");
      expect((await d.card(ref)).fields.Question).toBe("Ada Agent: Which project is it for?");
      expect((await request(d, "otto", "answer", { ref, answer: "Payments" })).text).toContain(
        "Only Rita Reporter",
      );
      expect((await request(d, "rita", "answer", { ref, answer: "The payments migration" })).text).toContain(
        "waits for the approvers again",
      );
      expect(await lastDirectMessage(d, "ada")).toContain("Rita Reporter answered your question");
      expect(await lastDirectMessage(d, "ada")).toContain("The payments migration");
      expect((await d.card(ref)).fields.Status).toBe("Awaiting approval");
      expect((await request(d, "rita", "cancel", { ref })).text).toContain(`${ref} is cancelled`);
      expect((await d.card(ref)).fields.Status).toBe("Cancelled");
    });
  });

  describe("GIVEN an item approved by a CAB quorum of 2, with parallel tasks", () => {
    it("WHEN two members approve THEN it is approved once, one vote per person, late votes refused, and both tasks open at once", async () => {
      const d = driver();
      const ref = refIn((await request(d, "ada", "new", { item: "access", values: "system:payments" })).text);
      expect((await request(d, "carl", "approve", { ref })).text).toContain("has 1 of 2 approvals");
      expect((await request(d, "carl", "approve", { ref })).text).toContain("You already approved");
      expect((await request(d, "cleo", "approve", { ref })).text).toContain(`${ref} is approved`);
      expect((await request(d, "otto", "approve", { ref })).text).toContain("your vote was not counted");
      expect((await d.card(`${ref}/1`)).buttons).toEqual(["Take", "Done", "Blocked"]);
      expect((await d.card(`${ref}/2`)).buttons).toEqual(["Take", "Done", "Blocked"]);
    });

    it("WHEN one member rejects THEN it is rejected with the reason, and the requester is told why", async () => {
      const d = driver();
      const ref = refIn((await request(d, "ada", "new", { item: "access", values: "system:identity" })).text);
      await request(d, "carl", "approve", { ref });
      expect((await request(d, "cleo", "reject", { ref, reason: "Use the read-only role" })).text).toContain(
        `You rejected ${ref}`,
      );
      expect((await d.card(ref)).fields).toMatchObject({
        Status: "Rejected",
        Reason: "Use the read-only role",
      });
      expect(await lastDirectMessage(d, "ada")).toContain("is rejected by Cleo CAB: Use the read-only role");
      expect(await d.cardsPosted(`${ref}/1`)).toBe(0);
    });
  });

  describe("GIVEN an item without approval", () => {
    it("WHEN it is requested in one line THEN it goes straight to fulfilment, and the requester may cancel until a task is taken", async () => {
      const d = driver();
      const done = await request(d, "rita", "new", { item: "reset", values: "account:rita.r" });
      const ref = refIn(done.text);
      expect(done.text).toContain("goes straight to fulfilment");
      expect((await d.card(`${ref}/1`)).fields.Instructions).toBe("Reset rita.r.");
      expect((await request(d, "otto", "cancel", { ref })).text).toContain("Only Rita Reporter");
      const second = refIn(
        (await request(d, "rita", "new", { item: "reset", values: "account:rita.b" })).text,
      );
      await d.click("ada", `${second}/1`, "Take");
      await d.settle();
      expect((await request(d, "rita", "cancel", { ref: second })).text).toContain(
        "its fulfilment has started",
      );
      expect((await request(d, "rita", "cancel", { ref, reason: "Remembered it" })).text).toContain(
        "is cancelled",
      );
      expect((await d.card(`${ref}/1`)).buttons).toEqual([]);
    });
  });

  describe("GIVEN a 9-field item with every field type", () => {
    it("WHEN it is filled in form by form THEN invalid values are named, what was typed is kept, and every value reaches the card", async () => {
      const d = driver();
      const values: Record<string, string> = {
        full_name: "Grace Hopper",
        start_date: "2027-01-04",
        team: "engineering",
        laptop: "developer",
        remote: "true",
        software: "figma, office",
        desk: "B12",
        seats: "2",
      };
      let form = formIn(await request(d, "ada", "new", { item: "starter" }));
      const seen: string[] = [];
      let answer: Answer | undefined;
      let forms = 0;
      for (; forms < 3; forms++) {
        seen.push(...form.fields);
        if (form.fields.includes("desk")) {
          const wrong = await submit(d, "ada", form, {
            ...pick(values, form.fields),
            desk: "12B",
            seats: "9",
          });
          expect(wrong.text).toContain("Desk number: must be a letter and up to 3 digits, like B12");
          expect(wrong.text).toContain("Seats: must be at most 4");
        }
        answer = await submit(d, "ada", form, pick(values, form.fields));
        if (!answer.buttons.includes("Next")) break;
        expect(answer.text).toContain("form 1 of 2 saved");
        form = formIn(await request(d, "ada", "continue"));
      }
      // A Discord modal holds 5 fields, so the item takes two forms there; one form elsewhere.
      expect(forms + 1).toBe(d.platform === "discord" ? 2 : 1);
      expect(seen).toEqual([
        "full_name",
        "start_date",
        "buddy",
        "team",
        "laptop",
        "remote",
        "software",
        "desk",
        "seats",
      ]);
      const ref = refIn(answer?.text ?? "");
      expect((await d.card(ref)).fields).toMatchObject({
        "Full name": "Grace Hopper",
        "Start date": "2027-01-04",
        Team: "engineering",
        Laptop: "developer",
        "Works remotely": "yes",
        Software: "figma, office",
        "Desk number": "B12",
        Seats: "2",
      });
    });
  });

  describe("GIVEN a manager who delegated their approvals", () => {
    it("WHEN their report requests THEN the delegate is asked and decides", async () => {
      const d = driver();
      // A person as typed: a Slack or Discord mention; the console's person fields take the bare id.
      const otto = d.mention("otto").replace(/^@/, "");
      expect((await request(d, "ada", "delegate", { to: otto, until: "2099-12-24" })).text).toContain(
        "approvals for you go to Otto Agent",
      );
      const ref = refIn((await request(d, "carl", "new", { item: "laptop", values: "model:standard" })).text);
      expect(await lastDirectMessage(d, "otto")).toContain(
        "You approve it for Ada Agent, who delegated to you",
      );
      expect((await request(d, "ada", "approve", { ref })).text).toContain(
        `You are not an approver of ${ref}`,
      );
      expect((await request(d, "otto", "approve", { ref })).text).toContain(`${ref} is approved`);
      expect((await request(d, "ada", "delegate", { to: otto, until: "2000-01-01" })).text).toContain(
        "already passed",
      );
    });
  });
}

function pick(values: Record<string, string>, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    fields.flatMap((field) => (values[field] === undefined ? [] : [[field, values[field] as string]])),
  );
}
