// The renderer's output posted through the real WebClient to the local Slack fake, which rejects what
// Slack rejects: the end-to-end proof that degraded content is accepted, not just shaped right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCard } from "../../../src/adapters/slack/render/card.js";
import { renderForm } from "../../../src/adapters/slack/render/form.js";
import { formCallbackId } from "../../../src/adapters/slack/render/ids.js";
import { renderNotice } from "../../../src/adapters/slack/render/notice.js";
import { notice } from "../../../src/kernel/views/notice.js";
import { incidentActions } from "../../../src/practices/incidents/model.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { incidentCreateForm } from "../../../src/practices/incidents/views/create-form.js";
import { DEFAULTS, type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { webClient } from "../fakes/slack-test-kit.js";
import { anIncident } from "../views/incident-fixture.js";

const absurd = (seed: string) => `${seed} 🔥🧑🏾‍🚒 <!channel> & `.repeat(1000).slice(0, 10_000);

describe("GIVEN the Slack fake and an incident with 10 000-character texts full of emoji", () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await fake.close();
  });

  const incident = anIncident({
    title: absurd("Outage"),
    description: absurd("Everything fails"),
    status: "resolved",
    resolutionCode: "workaround",
    resolutionNote: absurd("Restarted"),
  });

  it("THEN chat.postMessage accepts the card and the channel shows it", async () => {
    const message = renderCard(incidentCard(incident, incidentActions));
    const posted = await webClient(fake).chat.postMessage({ channel: DEFAULTS.generalChannelId, ...message });
    expect(posted.ok).toBe(true);
    expect(fake.messagesIn(DEFAULTS.generalChannelId).at(-1)?.blocks).toEqual(message.blocks);
  });

  it("THEN views.open accepts the create form prefilled from the long message", async () => {
    const form = incidentCreateForm({
      services: [],
      prefill: { title: incident.title, description: incident.description },
    });
    const view = renderForm(form, { callbackId: formCallbackId(form), privateMetadata: { channel: "C1" } });
    const opened = await webClient(fake).views.open({
      trigger_id: fake.issueTriggerId(DEFAULTS.aliceUserId),
      view,
    });
    expect(opened.ok).toBe(true);
  });

  it("THEN chat.postEphemeral accepts a long notice", async () => {
    const message = renderNotice(notice("error", absurd("That did not work")));
    const posted = await webClient(fake).chat.postEphemeral({
      channel: DEFAULTS.generalChannelId,
      user: DEFAULTS.aliceUserId,
      ...message,
    });
    expect(posted.ok).toBe(true);
  });
});
