// Shared by the Discord renderer tests: posting through the real discord.js REST client to the fake,
// and the incidents and forms worth rendering.

import { ComponentType, REST, Routes } from "discord.js";
import type {
  APIComponentInLabel,
  APIModalInteractionResponseCallbackData,
  RESTPostAPIChannelMessageResult,
} from "discord-api-types/v10";
import type { SubmittedComponent } from "../../../src/adapters/discord/render/modal-values.js";
import {
  type IncidentSnapshot,
  type IncidentStatus,
  incidentStatuses,
} from "../../../src/practices/incidents/model.js";
import type { FakeDiscord } from "../../fakes/discord/server.js";
import { anIncident } from "../views/incident-fixture.js";

export function restFor(fake: FakeDiscord, token = fake.token): REST {
  return new REST({ api: fake.restBase, retries: 0 }).setToken(token);
}

export async function postToChannel(
  fake: FakeDiscord,
  body: unknown,
): Promise<RESTPostAPIChannelMessageResult> {
  const channelId = fake.channelIds[0] ?? "";
  return (await restFor(fake).post(Routes.channelMessages(channelId), {
    body,
  })) as RESTPostAPIChannelMessageResult;
}

const statusDetails: Readonly<Record<IncidentStatus, Partial<IncidentSnapshot>>> = {
  new: { assignee: null, acknowledgedAt: null },
  in_progress: { major: true, priority: "P1" },
  on_hold: { holdReason: "awaiting_vendor" },
  resolved: { resolutionCode: "workaround", resolutionNote: "Restarted the pool; root cause open." },
  closed: { resolutionCode: "fixed", resolutionNote: "Rolled back 4.2.1." },
  cancelled: {},
};

export function incidentsInEveryStatus(): IncidentSnapshot[] {
  return incidentStatuses.map((status) => anIncident({ status, ...statusDetails[status] }));
}

export type Answer = string | boolean | readonly string[];

function submitted(input: APIComponentInLabel, answer: Answer | undefined): SubmittedComponent {
  switch (input.type) {
    case ComponentType.TextInput:
      return {
        type: input.type,
        custom_id: input.custom_id,
        value: typeof answer === "string" ? answer : "",
      };
    case ComponentType.Checkbox:
      return { type: input.type, custom_id: input.custom_id, value: answer === true };
    default: {
      const values = typeof answer === "string" ? [answer] : Array.isArray(answer) ? [...answer] : [];
      return { type: input.type, custom_id: "custom_id" in input ? input.custom_id : "", values };
    }
  }
}

/** What Discord sends back when a person fills in the rendered modal with `answers` (by field id). */
export function simulateSubmit(
  modal: APIModalInteractionResponseCallbackData,
  answers: Readonly<Record<string, Answer>>,
): SubmittedComponent[] {
  return modal.components.map((component) => {
    if (component.type === ComponentType.Label) {
      const input = component.component;
      const id = "custom_id" in input ? input.custom_id : "";
      return { type: component.type, component: submitted(input, answers[id]) };
    }
    return { type: component.type };
  });
}
