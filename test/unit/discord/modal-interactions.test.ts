import { type Client, Events, type Interaction } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { renderForm } from "../../../src/adapters/discord/render/form.js";
import { modalToFormSubmission } from "../../../src/adapters/discord/render/modal-values.js";
import { renderNotice } from "../../../src/adapters/discord/render/notice.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import type { Form } from "../../../src/kernel/views/form.js";
import { formSubmissionToCommand } from "../../../src/kernel/views/form-submission.js";
import { notice } from "../../../src/kernel/views/notice.js";
import {
  assignForm,
  cancelForm,
  holdForm,
  noteForm,
  priorityForm,
  reopenForm,
  resolveForm,
} from "../../../src/practices/incidents/views/action-forms.js";
import { incidentCreateForm } from "../../../src/practices/incidents/views/create-form.js";
import { commandRegistry } from "../../../src/practices/registry.js";
import { slashCommand } from "../../fakes/discord/builders/interactions.js";
import { connectClient } from "../../fakes/discord/client-harness.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/discord/server.js";
import { anIncident } from "../views/incident-fixture.js";
import { simulateSubmit } from "./support.js";

type Handler = (interaction: Interaction) => Promise<void>;

const incident = anIncident();
const forms: readonly Form[] = [
  incidentCreateForm({ services: [{ id: "vpn", name: "VPN" }] }),
  incidentCreateForm({ services: [], prefill: { title: "t".repeat(500), description: "🔥 ".repeat(5000) } }),
  assignForm(incident),
  noteForm(incident),
  priorityForm(incident),
  holdForm(incident),
  resolveForm(incident),
  reopenForm(incident),
  cancelForm(incident),
];

let fake: FakeDiscord;
let client: Client;
let handler: Handler = async () => {};
const handlerErrors: unknown[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = (await connectClient(fake)).client;
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
});

afterAll(async () => {
  await client.destroy();
  await fake.close();
});

beforeEach(() => {
  handlerErrors.length = 0;
});

function callbackCall(interactionId: string) {
  return fake.waitForCall(
    (call) => call.method === "POST" && call.path.startsWith(`/interactions/${interactionId}/`),
  );
}

describe("GIVEN a discord.js client answering a slash command with a form", () => {
  for (const form of forms) {
    it(`THEN the ${form.id} modal is accepted as a type 9 callback`, async () => {
      handler = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.showModal(renderForm(form).modal);
      };
      const sent = fake.sendInteraction(slashCommand({ name: "incident" }));
      const call = await callbackCall(sent.id);
      expect({ status: call.status, response: call.response, errors: handlerErrors }).toEqual({
        status: 204,
        response: undefined,
        errors: [],
      });
      expect(fake.interactionResponses(sent.id).map((record) => record.type)).toEqual([9]);
    });
  }
});

describe("GIVEN a modal Discord would refuse (a control for the tests above)", () => {
  it("THEN the fake rejects it and discord.js throws", async () => {
    const { modal } = renderForm(resolveForm(incident));
    handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.showModal({ ...modal, title: "x".repeat(46) });
    };
    const sent = fake.sendInteraction(slashCommand({ name: "incident" }));
    const call = await callbackCall(sent.id);
    expect(call.status).toBe(400);
    await vi.waitFor(() =>
      expect(handlerErrors).toEqual([expect.objectContaining({ status: 400, code: 50035 })]),
    );
  });
});

describe("GIVEN a person submits the resolve modal through discord.js", () => {
  it("THEN the listener gets the same command as typed text, and its ephemeral notice is accepted", async () => {
    const { modal } = renderForm(resolveForm(incident));
    const parsed: unknown[] = [];
    handler = async (interaction) => {
      if (!interaction.isModalSubmit()) return;
      const submission = modalToFormSubmission({
        customId: interaction.customId,
        components: interaction.components,
      });
      if (submission === undefined) throw new Error("not an OpsDesk modal");
      parsed.push(formSubmissionToCommand(commandRegistry, submission));
      await interaction.reply(renderNotice(notice("success", "INC-7 resolved.")));
    };
    const sent = fake.sendInteraction({
      type: 5,
      data: {
        custom_id: modal.custom_id,
        components: simulateSubmit(modal, { code: "workaround", note: "Restarted the pool" }),
      },
    });
    const call = await callbackCall(sent.id);

    expect(handlerErrors).toEqual([]);
    expect(call.status).toBe(204);
    expect(parsed).toEqual([
      parseCommandText(
        commandRegistry,
        "incident",
        'resolve INC-7 code:workaround note:"Restarted the pool"',
      ),
    ]);
    const [reply] = fake.messagesIn(fake.channelIds[0] ?? "").slice(-1);
    expect(reply).toMatchObject({ content: "✅ INC-7 resolved.", flags: 64 });
  });
});
