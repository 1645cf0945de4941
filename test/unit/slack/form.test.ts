import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { SlackRenderError } from "../../../src/adapters/slack/render/errors.js";
import { renderForm } from "../../../src/adapters/slack/render/form.js";
import { formCallbackId } from "../../../src/adapters/slack/render/ids.js";
import { readModalValues } from "../../../src/adapters/slack/render/modal-values.js";
import { decodePrivateMetadata } from "../../../src/adapters/slack/render/private-metadata.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import type { Form } from "../../../src/kernel/views/form.js";
import { formSubmissionToCommand } from "../../../src/kernel/views/form-submission.js";
import { incidentActions } from "../../../src/practices/incidents/model.js";
import {
  formForIncidentAction,
  noteForm,
  priorityForm,
  resolveForm,
} from "../../../src/practices/incidents/views/action-forms.js";
import { incidentCreateForm } from "../../../src/practices/incidents/views/create-form.js";
import { commandRegistry } from "../../../src/practices/registry.js";
import { anIncident } from "../views/incident-fixture.js";
import { type Answer, fillModal, viewProblems } from "./block-kit.js";

const services = [
  { id: "payments-api", name: "Payments API" },
  { id: "vpn", name: "VPN" },
];

const open = (form: Form, extra?: Record<string, string>) =>
  renderForm(form, { callbackId: formCallbackId(form), ...(extra ? { privateMetadata: extra } : {}) });

/** What the view_submission handler does: values and metadata back into the typed command. */
function submit(form: Form, answers: Readonly<Record<string, Answer>>) {
  const view = open(form);
  const metadata = decodePrivateMetadata(view.private_metadata ?? "");
  return formSubmissionToCommand(commandRegistry, {
    formId: view.callback_id ?? "",
    hidden: metadata.hidden,
    values: readModalValues(fillModal(view, answers)),
  });
}

function input(view: types.ModalView, id: string): types.InputBlock {
  const block = view.blocks.find((candidate) => candidate.block_id === `field.${id}`);
  if (block?.type !== "input") throw new Error(`no input block for ${id}`);
  return block as types.InputBlock;
}

describe("GIVEN every incident form as a Slack modal", () => {
  const incident = anIncident();
  const forms = [
    incidentCreateForm({ services, prefill: { title: "x".repeat(400), description: "y".repeat(5000) } }),
    ...incidentActions.flatMap((action) => formForIncidentAction(action, incident) ?? []),
  ];

  for (const form of forms) {
    it(`THEN ${form.id} is within every modal limit`, () => {
      expect(viewProblems(open(form))).toEqual([]);
    });
  }
});

describe("GIVEN the create form", () => {
  const form = incidentCreateForm({ services });
  const view = open(form);

  it("THEN each field is an input block of the matching kind, required ones not optional", () => {
    expect(view).toMatchObject({
      type: "modal",
      callback_id: "incident.new",
      title: { text: "Report an incident" },
      submit: { text: "Open incident" },
      close: { text: "Close" },
    });
    expect(
      view.blocks.map((block) => {
        const { element, optional } = block as types.InputBlock;
        return [block.block_id, element.type, optional];
      }),
    ).toEqual([
      ["field.title", "plain_text_input", false],
      ["field.description", "plain_text_input", true],
      ["field.impact", "static_select", true],
      ["field.urgency", "static_select", true],
      ["field.service", "static_select", true],
      ["field.category", "plain_text_input", true],
    ]);
    expect(input(view, "title").element).toMatchObject({
      action_id: "title",
      max_length: 150,
      multiline: false,
    });
    expect(input(view, "description").element).toMatchObject({ multiline: true, max_length: 3000 });
    expect(input(view, "impact").element).toMatchObject({
      initial_option: { value: "medium", text: { text: "Medium" } },
    });
    expect(input(view, "title").hint?.text).toBe("What is broken, in a few words");
  });

  it("THEN a submission is the same command as the text grammar", () => {
    const fromModal = submit(form, {
      title: "Payments API is down",
      impact: "high",
      service: "payments-api",
    });
    expect(fromModal).toEqual(
      parseCommandText(commandRegistry, "/incident", "Payments API is down impact:high service:payments-api"),
    );
  });
});

describe("GIVEN the forms behind card buttons", () => {
  const incident = anIncident();

  it("THEN resolving from the modal equals /incident resolve", () => {
    expect(submit(resolveForm(incident), { code: "fixed", note: "Rolled back the deploy" })).toEqual(
      parseCommandText(
        commandRegistry,
        "/incident",
        'resolve INC-7 code:fixed note:"Rolled back the deploy"',
      ),
    );
  });

  it("THEN a ticked box and an unticked one are the booleans the grammar reads", () => {
    expect(submit(noteForm(incident), { text: "Vendor case 5521", internal: true })).toEqual(
      parseCommandText(commandRegistry, "/incident", "note INC-7 Vendor case 5521 internal:true"),
    );
    expect(submit(noteForm(incident), { text: "Rolled back" })).toEqual(
      parseCommandText(commandRegistry, "/incident", "note INC-7 Rolled back"),
    );
  });

  it("THEN untouched selects submit their initial values", () => {
    expect(submit(priorityForm(incident), { urgency: "high", reason: "All stores" })).toEqual(
      parseCommandText(
        commandRegistry,
        "/incident",
        'priority INC-7 impact:high urgency:high reason:"All stores"',
      ),
    );
  });

  it("THEN a person picked in users_select is the person the grammar reads from a mention", () => {
    const form = formForIncidentAction("assign", incident);
    if (form === undefined) throw new Error("assign has a form");
    expect(input(open(form), "to").element.type).toBe("users_select");
    expect(submit(form, { to: "U0ALICE" })).toEqual(
      parseCommandText(commandRegistry, "/incident", "assign INC-7 to:<@U0ALICE|alice>"),
    );
  });

  it("THEN the ticket travels in private_metadata, next to the adapter's own values", () => {
    const view = open(resolveForm(incident), { channel: "C0GENERAL", ts: "1700000000.000100" });
    expect(decodePrivateMetadata(view.private_metadata ?? "")).toEqual({
      hidden: { ref: "INC-7" },
      extra: { channel: "C0GENERAL", ts: "1700000000.000100" },
    });
  });
});

describe("GIVEN hidden values too large for private_metadata", () => {
  it("THEN rendering fails with a typed error instead of losing them", () => {
    const form: Form = { ...resolveForm(anIncident()), hidden: { ref: "INC-7", blob: "z".repeat(3000) } };
    expect(() => open(form)).toThrowError(
      expect.objectContaining({ name: "SlackRenderError", code: "private_metadata_too_long" }),
    );
    expect(() => open(form)).toThrowError(SlackRenderError);
  });

  it("THEN metadata that is not OpsDesk's is refused when read back", () => {
    expect(() => decodePrivateMetadata('{"hidden":1}')).toThrowError(
      expect.objectContaining({ code: "private_metadata_invalid" }),
    );
  });
});

describe("GIVEN a form with long labels, a long prefill and more than 100 choices", () => {
  const form: Form = {
    type: "form",
    id: "incident.new",
    title: "Report an incident affecting the whole company",
    submitLabel: "Open the incident right now please",
    fields: [
      {
        id: "title",
        type: "text",
        label: "T".repeat(3000),
        required: true,
        maxLength: 150,
        initial: "w ".repeat(200),
      },
      {
        id: "service",
        type: "select",
        label: "Service",
        required: false,
        options: Array.from({ length: 130 }, (_, i) => ({
          value: `svc-${i}`,
          label: `Service ${"x".repeat(90)} ${i}`,
        })),
      },
    ],
    hidden: {},
  };
  const view = open(form);

  it("THEN Slack accepts it: texts are cut, options capped, and the hint says so", () => {
    expect(viewProblems(view)).toEqual([]);
    expect(view.title.text).toBe("Report an incident…");
    const select = input(view, "service");
    expect(select.element).toMatchObject({ type: "static_select" });
    expect((select.element as types.StaticSelect).options).toHaveLength(100);
    expect(select.hint?.text).toBe("Showing the first 100 choices of 130.");
    const initial = (input(view, "title").element as types.PlainTextInput).initial_value ?? "";
    expect(initial.length).toBeLessThanOrEqual(150);
  });
});

describe("GIVEN state values with blocks OpsDesk did not render", () => {
  it("THEN they are ignored and empty inputs read as blank", () => {
    expect(
      readModalValues({
        "field.title": { title: { type: "plain_text_input", value: null } },
        "field.to": { to: { type: "users_select", selected_user: null } },
        someone_elses: { x: { type: "plain_text_input", value: "ignored" } },
      }),
    ).toEqual({ title: "", to: "" });
  });
});
