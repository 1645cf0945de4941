// Change management in the console: the same /change grammar, the change card and the CAB's approval
// prompt delivered by the outbox, votes with the prompt's buttons, and the decision as a direct message.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleWorld, startConsoleWorld } from "../../support/console-world.js";

let world: ConsoleWorld;

beforeAll(async () => {
  world = await startConsoleWorld();
});

afterAll(async () => {
  await world?.close();
});

/** "yyyy-MM-dd HH:mm" on the test desk's wall clock, `days` from today. */
function on(days: number, time: string): string {
  return `${DateTime.now().setZone("Europe/Berlin").plus({ days }).toFormat("yyyy-MM-dd")} ${time}`;
}

describe("GIVEN Ada requests a change with /change in the console", () => {
  it("THEN the CAB votes on its prompt in #approvals and Ada hears the decision in her direct messages", async () => {
    const requested = await world.api.command(
      "ada",
      `/change new title:"Rotate TLS certificates" start:"${on(3, "22:00")}" end:"${on(3, "23:00")}" services:identity`,
    );
    const ref = /CHG-\d+/.exec(requested.message?.view?.text ?? "")?.[0];
    expect(requested.message?.private).toBe(true);
    expect(ref).toBeDefined();
    expect((await world.api.command("ada", `/change submit ${ref}`)).message?.view?.text).toContain(
      "is submitted",
    );
    expect((await world.api.command("ada", `/change authorize ${ref}`)).message?.view?.text).toContain(
      "is sent to the approvers",
    );
    await world.settle();

    const prompt = (await world.api.messages("#approvals", "carl")).find(
      (m) => m.kind === "card" && m.view?.title?.startsWith(`Approval needed · ${ref} `),
    );
    const approve = prompt?.view?.actions?.find((a) => a.label === "Approve");
    expect(approve).toEqual({ id: "change.approve", label: "Approve", style: "primary", value: ref });
    for (const member of ["carl", "cleo"]) {
      const vote = await world.api.button(member, approve?.id ?? "", approve?.value ?? "", "#approvals");
      expect(vote.message?.private).toBe(true);
    }
    await world.settle();

    const decided = await world.api.messages("@ada", "ada");
    expect(decided.map((m) => m.text)).toContainEqual(expect.stringContaining(`Your change ${ref}`));
    // Direct messages are Ada's alone.
    expect(await world.api.messages("@ada", "carl")).toEqual([]);
  });

  it("THEN completion offers /change's subcommands and its active changes", async () => {
    const complete = async (text: string) =>
      (await world.api.get<{ suggestions: { text: string }[] }>("/complete", { text })).suggestions.map(
        (s) => s.text,
      );
    expect(await complete("/change sub")).toEqual(["/change submit "]);
    expect((await complete("/change show ")).some((t) => /^\/change show CHG-\d+ $/.test(t))).toBe(true);
  });
});
