// The console's JSON API over HTTP, against OpsDesk started in-process with no chat credentials: the same
// calls the page makes and a contract-suite driver would make.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConsoleMessageJson,
  type ConsoleReply,
  type ConsoleWorld,
  cardIn,
  fieldOf,
  startConsoleWorld,
} from "../../support/console-world.js";

let world: ConsoleWorld;

beforeAll(async () => {
  world = await startConsoleWorld();
});

afterAll(async () => {
  await world?.close();
});

describe("GIVEN a fresh OpsDesk with no chat credentials", () => {
  it("THEN the workspace lists the config's people with their roles, the default channels, and allows time travel", async () => {
    const workspace = await world.api.get<{
      people: { id: string; roles: string[] }[];
      channels: { id: string }[];
      clock: { timeTravel: { allowed: boolean } };
    }>("/workspace");
    expect(workspace.people).toEqual([
      { id: "ada", name: "Ada Agent", roles: ["agent"] },
      { id: "otto", name: "Otto Agent", roles: ["agent", "cab"] },
      { id: "rita", name: "Rita Reporter", roles: [] },
      { id: "carl", name: "Carl CAB", roles: ["cab"] },
      { id: "cleo", name: "Cleo CAB", roles: ["cab"] },
    ]);
    expect(workspace.channels.map((c) => c.id)).toEqual([
      "#incidents",
      "#approvals",
      "#sla-alerts",
      "#payments",
    ]);
    expect(workspace.clock.timeTravel.allowed).toBe(true);
  });

  it("THEN the page is served as HTML that loads its script and style from the console itself", async () => {
    const response = await fetch(`${world.opsdesk.url}/console`);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain('<script type="module" src="/console/assets/console.js">');
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const script = await fetch(`${world.opsdesk.url}/console/assets/console.js`);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(await script.text()).toContain("EventSource");
  });
});

describe("GIVEN Rita raises an incident with a slash command", () => {
  let card: ConsoleMessageJson;

  beforeAll(async () => {
    const reply = await world.api.command("rita", "/incident Payments API is down impact:high urgency:high");
    expect(reply.kind).toBe("notice");
    expect(reply.message?.view?.text).toBe("INC-1 is raised with priority P1: Payments API is down");
    await world.settle();
    card = await cardIn(world.api, "#incidents", "INC-1");
  });

  it("THEN her confirmation is a private message only she sees, in the channel where she typed", async () => {
    const hers = await world.api.messages("#incidents", "rita");
    const adas = await world.api.messages("#incidents", "ada");
    const confirmation = hers.find((m) => m.private && m.view?.text?.startsWith("INC-1 is raised"));
    expect(confirmation?.html).toContain("Only you can see this");
    expect(adas.some((m) => m.private)).toBe(false);
    expect((await world.api.privateReplies("rita")).map((m) => m.id)).toContain(confirmation?.id);
  });

  it("THEN the card is in #incidents for everyone, with the lifecycle's buttons", () => {
    expect(card.private).toBe(false);
    expect(fieldOf(card, "Status")).toBe("New");
    expect(card.view?.actions?.map((a) => a.id)).toContain("incident.acknowledge");
    expect(card.html).toContain('data-action="incident.acknowledge"');
  });

  it("THEN Rita, a requester, is refused privately when she tries to acknowledge it", async () => {
    const reply = await world.api.command("rita", "/incident ack INC-1");
    expect(reply.message?.private).toBe(true);
    expect(reply.message?.view?.tone).toBe("error");
    expect(reply.message?.view?.text).toContain("Only agents");
  });

  it("THEN Ada's Acknowledge button updates the same card in place and adds a line to its thread", async () => {
    const reply = await world.api.button("ada", "incident.acknowledge", "INC-1");
    expect(reply.message?.view?.text).toBe("You acknowledged INC-1.");
    await world.settle();
    const updated = await cardIn(world.api, "#incidents", "INC-1");
    expect(updated.id).toBe(card.id);
    expect(fieldOf(updated, "Status")).toBe("In progress");
    expect(fieldOf(updated, "Assignee")).toBe("Ada Agent");
    const thread = await world.api.thread(card.id, "ada");
    expect(thread.replies.map((r) => r.text).join("\n")).toMatch(/acknowledged/i);
    expect(updated.replies).toBe(thread.replies.length);
  });

  it("THEN the Resolve button opens its form; a submission missing the note is answered next to the field", async () => {
    const reply = await world.api.button("ada", "incident.resolve", "INC-1");
    expect(reply.kind).toBe("form");
    expect(reply.form?.id).toBe("incident.resolve");
    expect(reply.html).toContain('<label for="field-code">');
    const invalid = await world.api.form("ada", "incident.resolve", reply.form?.hidden ?? {}, {
      code: "fixed",
      note: null,
    });
    expect(invalid.kind).toBe("field_errors");
    expect(Object.keys(invalid.errors ?? {})).toEqual(["note"]);
    const done = await world.api.form("ada", "incident.resolve", reply.form?.hidden ?? {}, {
      code: "fixed",
      note: "Rolled back the deploy",
    });
    expect(done.message?.view?.text).toBe("INC-1 is resolved.");
    await world.settle();
    expect(fieldOf(await cardIn(world.api, "#incidents", "INC-1"), "Status")).toBe("Resolved");
  });
});

describe("GIVEN a bare /incident, as in Slack", () => {
  it("THEN the create form opens with the configured services, and submitting it raises the incident", async () => {
    const reply = await world.api.command("rita", "/incident");
    expect(reply.kind).toBe("form");
    expect(reply.form?.id).toBe("incident.new");
    expect(reply.html).toContain('<option value="payments">Payments API</option>');
    const raised = await world.api.form("rita", "incident.new", reply.form?.hidden ?? {}, {
      title: "Card terminals offline",
      impact: "high",
      urgency: "high",
      service: "payments",
      category: null,
      description: "All stores since 9:00",
    });
    expect(raised.message?.view?.text).toMatch(
      /^INC-\d+ is raised with priority P1: Card terminals offline$/,
    );
  });
});

describe("GIVEN someone writes a message in a channel instead of a command", () => {
  it("THEN everyone sees it under their name, and Raise incident opens the form prefilled from it", async () => {
    const posted = await world.api.command("otto", "Printers on floor 3 are offline\nSince the 8:00 update");
    expect(posted.kind).toBe("posted");
    const message = posted.message;
    expect(message?.private).toBe(false);
    expect(message?.html).toContain("Otto Agent");
    expect(message?.html).toContain('data-raise="');
    expect((await world.api.messages("#incidents", "rita")).map((m) => m.id)).toContain(message?.id);
    // Sent again with the same request id (a retry after a lost answer), it is not posted twice.
    await world.api.command("otto", "Printers again", "#incidents", "req-chat-00001");
    const again = await world.api.post<{ duplicate: boolean }>("/command", {
      as: "otto",
      channel: "#incidents",
      text: "Printers again",
      requestId: "req-chat-00001",
    });
    expect(again.body.duplicate).toBe(true);
    const copies = (await world.api.messages("#incidents", "rita")).filter(
      (m) => m.text === "Printers again",
    );
    expect(copies).toHaveLength(1);

    const { body } = await world.api.post<{ reply: ConsoleReply }>("/raise", {
      as: "rita",
      channel: "#incidents",
      messageId: message?.id,
    });
    expect(body.reply.kind).toBe("form");
    expect(body.reply.html).toContain('value="Printers on floor 3 are offline"');
    expect(body.reply.html).toContain(
      `From the OpsDesk console: ${world.opsdesk.url}/console?channel=%23incidents#msg-${message?.id}`,
    );
  });

  it("THEN Raise incident on a card (not a person's message) is refused privately", async () => {
    const card = await cardIn(world.api, "#incidents", "INC-1");
    const { body } = await world.api.post<{ reply: ConsoleReply }>("/raise", {
      as: "rita",
      channel: "#incidents",
      messageId: card.id,
    });
    expect(body.reply.message?.private).toBe(true);
    expect(body.reply.message?.view?.text).toContain("raise the incident with /incident");
  });
});

describe("GIVEN input the console cannot act on", () => {
  it("THEN a mistyped subcommand gets a private explanation with the fix", async () => {
    const reply = await world.api.command("ada", "/incident shwo INC-1");
    expect(reply.message?.private).toBe(true);
    expect(reply.message?.view?.text).toContain("Did you mean show?");
  });

  it("THEN an empty message is answered 400 with what to type", async () => {
    const { status, body } = await world.api.post<{ message: string }>("/command", {
      as: "ada",
      channel: "#incidents",
      text: "   ",
    });
    expect(status).toBe(400);
    expect(body.message).toContain("/incident help");
  });

  it("THEN a request without the fields it needs is answered 400 naming them", async () => {
    const { status, body } = await world.api.post<{ message: string }>("/command", { as: "ada" });
    expect(status).toBe(400);
    expect(body.message).toContain("channel");
    expect(body.message).toContain("text");
  });

  it("THEN a form post that is not JSON (another site's form) is refused", async () => {
    const response = await world.api.raw("/command", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "as=ada&channel=%23incidents&text=%2Fincident+help",
    });
    expect(response.status).toBe(403);
  });

  it("THEN a request from a page on another origin is refused", async () => {
    const response = await world.api.raw("/command", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify({ as: "ada", channel: "#incidents", text: "/incident help" }),
    });
    expect(response.status).toBe(403);
  });

  it("THEN a Host header naming another machine is refused (no DNS rebinding onto loopback)", async () => {
    // fetch() will not send a Host header of its own choosing; a rebinding browser would.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${world.api.base}/workspace`,
        { headers: { host: "opsdesk.evil.example" } },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
    expect(body).toContain("OPSDESK_CONSOLE=remote");
  });

  it("THEN the same request id sent twice raises one incident", async () => {
    const before = await world.opsdesk.database.db.incident.count();
    const first = await world.api.command(
      "rita",
      "/incident VPN drops hourly",
      "#incidents",
      "req-twice-0001",
    );
    const second = await world.api.post<{ duplicate: boolean }>("/command", {
      as: "rita",
      channel: "#incidents",
      text: "/incident VPN drops hourly",
      requestId: "req-twice-0001",
    });
    expect(first.kind).toBe("notice");
    expect(second.body.duplicate).toBe(true);
    expect(await world.opsdesk.database.db.incident.count()).toBe(before + 1);
  });
});

describe("GIVEN completion in the message box", () => {
  it("THEN subcommands, option keys, choices and open tickets come from the registry and the database", async () => {
    const complete = async (text: string) =>
      (await world.api.get<{ suggestions: { text: string }[] }>("/complete", { text })).suggestions.map(
        (s) => s.text,
      );
    expect(await complete("/inc")).toEqual(["/incident "]);
    expect(await complete("/incident re")).toEqual([
      "/incident resume ",
      "/incident resolve ",
      "/incident reopen ",
    ]);
    expect(await complete("/incident hold INC-2 reason:awaiting_v")).toEqual([
      "/incident hold INC-2 reason:awaiting_vendor ",
    ]);
    expect(await complete("/incident ack ")).toContain("/incident ack INC-2 ");
    expect(await complete("/incident hold INC-2 ")).toEqual(
      expect.arrayContaining(["/incident hold INC-2 reason:", "/incident hold INC-2 note:"]),
    );
  });
});

describe("GIVEN a page listening for live updates", () => {
  it("THEN a new card arrives as a server-sent event without asking again", async () => {
    const controller = new AbortController();
    const response = await fetch(`${world.api.base}/events?as=otto`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no event stream");
    const decoder = new TextDecoder();
    await world.api.command("rita", "/incident Printer on fire impact:low");
    await world.settle();
    let received = "";
    while (!received.includes("Printer on fire")) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    controller.abort();
    expect(received).toMatch(/event: message\ndata: .*INC-\d+ · Printer on fire/);
    // Rita's private confirmation went to her pages only.
    expect(received).not.toContain("is raised with priority");
  });
});

describe("GIVEN the time travel control on the sandbox", () => {
  it("THEN jumping past a P2's 30-minute response target brings its SLA breach to #sla-alerts at once", async () => {
    const raised = await world.api.command("rita", "/incident Mail queue stuck impact:high urgency:medium");
    const ref = /INC-\d+/.exec(raised.message?.view?.text ?? "")?.[0];
    await world.settle();
    expect((await world.api.post("/clock", { by: "1h" })).status).toBe(200);
    const breachOf = async () => {
      await world.settle();
      return (await world.api.messages("#sla-alerts", "ada")).find(
        (m) => m.kind === "alert" && m.view?.title === `SLA breached · ${ref} response`,
      );
    };
    await expect.poll(breachOf, { timeout: 10_000 }).toBeDefined();
    const breach = await breachOf();
    expect(breach?.text).toContain(`SLA breached: ${ref} response`);
    expect(breach?.html).toContain('class="alert-headline"');
  });

  it("THEN the desk clock moves forward by the duration, and a bad duration says how to write one", async () => {
    const before = world.opsdesk.clock.now().getTime();
    const offsetBefore = world.opsdesk.clock.offsetMs;
    const moved = await world.api.post<{ now: string }>("/clock", { by: "4h" });
    expect(moved.status).toBe(200);
    expect(new Date(moved.body.now).getTime() - before).toBeGreaterThanOrEqual(4 * 3600_000);
    expect(world.opsdesk.clock.offsetMs - offsetBefore).toBe(4 * 3600_000);
    const bad = await world.api.post<{ message: string }>("/clock", { by: "soon" });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("30m, 4h");
  });
});
