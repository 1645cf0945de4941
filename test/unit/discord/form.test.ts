import { ComponentType, TextInputStyle } from "discord.js";
import type {
  APILabelComponent,
  APIStringSelectComponent,
  APITextInputComponent,
} from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { renderForm } from "../../../src/adapters/discord/render/form.js";
import { modalToFormSubmission, readModalValues } from "../../../src/adapters/discord/render/modal-values.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import type { Form } from "../../../src/kernel/views/form.js";
import { formSubmissionToCommand } from "../../../src/kernel/views/form-submission.js";
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
import { anIncident } from "../views/incident-fixture.js";
import { type Answer, simulateSubmit } from "./support.js";

const services = [
  { id: "payments-api", name: "Payments API" },
  { id: "vpn", name: "VPN" },
];
const incident = anIncident();
const userId = "123456789012345678";

/** Each form, what a person enters, and the same command typed as text. */
const roundTrips: ReadonlyArray<{ form: Form; answers: Record<string, Answer>; text: string }> = [
  {
    form: incidentCreateForm({ services }),
    answers: {
      title: "VPN drops",
      description: "Since 9:00",
      impact: "high",
      urgency: "low",
      service: "vpn",
    },
    text: 'new "VPN drops" impact:high urgency:low service:vpn description:"Since 9:00"',
  },
  {
    form: incidentCreateForm({ services: [] }),
    answers: { title: "Printer jam", impact: "low", urgency: "low", category: "hardware" },
    text: "new Printer jam impact:low urgency:low category:hardware",
  },
  { form: assignForm(incident), answers: { to: userId }, text: `assign INC-7 to:<@${userId}>` },
  {
    form: noteForm(incident),
    answers: { text: "Vendor ticket 5521", internal: true },
    text: "note INC-7 Vendor ticket 5521 internal:true",
  },
  {
    form: priorityForm(incident),
    answers: { impact: "high", urgency: "medium", reason: "All stores affected" },
    text: 'priority INC-7 impact:high urgency:medium reason:"All stores affected"',
  },
  {
    form: holdForm(incident),
    answers: { reason: "awaiting_vendor", note: "Case 5521" },
    text: 'hold INC-7 reason:awaiting_vendor note:"Case 5521"',
  },
  {
    form: resolveForm(incident),
    answers: { code: "fixed", note: "Rolled back the deploy" },
    text: 'resolve INC-7 code:fixed note:"Rolled back the deploy"',
  },
  {
    form: reopenForm(incident),
    answers: { reason: "Errors are back" },
    text: 'reopen INC-7 reason:"Errors are back"',
  },
  { form: cancelForm(incident), answers: { reason: "Duplicate" }, text: "cancel INC-7 reason:Duplicate" },
];

function labels(form: Form): APILabelComponent[] {
  return renderForm(form).modal.components.filter(
    (component): component is APILabelComponent => component.type === ComponentType.Label,
  );
}

describe("GIVEN every form OpsDesk opens", () => {
  for (const { form, answers, text } of roundTrips) {
    describe(`WHEN ${form.id} is rendered as a modal and submitted`, () => {
      const { modal } = renderForm(form);

      it("THEN the modal has 1-5 components, a title ≤45 and a custom_id that carries its hidden values", () => {
        expect(modal.components.length).toBeGreaterThanOrEqual(1);
        expect(modal.components.length).toBeLessThanOrEqual(5);
        expect(modal.title.length).toBeLessThanOrEqual(45);
        expect(modal.custom_id.length).toBeLessThanOrEqual(100);
      });

      it("THEN the submission becomes the same command as the text grammar", () => {
        const submission = modalToFormSubmission({
          customId: modal.custom_id,
          components: simulateSubmit(modal, answers),
        });
        expect(submission).toEqual({ formId: form.id, hidden: form.hidden, values: expect.any(Object) });
        const values = submission?.values ?? {};
        expect(
          formSubmissionToCommand(commandRegistry, { formId: form.id, hidden: form.hidden, values }),
        ).toEqual(parseCommandText(commandRegistry, "incident", text));
      });
    });
  }
});

describe("GIVEN the create form with services (six fields)", () => {
  const rendered = renderForm(incidentCreateForm({ services }));

  it("THEN the required title stays, the last optional field is dropped and reported", () => {
    expect(rendered.dropped).toEqual(["category"]);
    expect(labels(incidentCreateForm({ services })).map((label) => label.label)).toEqual([
      "Title",
      "Description",
      "Impact",
      "Urgency",
      "Service",
    ]);
  });

  it("THEN text fields are text inputs with the command's length limit, selects are string selects", () => {
    const [title, description, impact] = labels(incidentCreateForm({ services })).map(
      (label) => label.component,
    );
    expect(title).toMatchObject({
      type: ComponentType.TextInput,
      style: TextInputStyle.Short,
      required: true,
      max_length: 150,
    });
    expect(description).toMatchObject({ style: TextInputStyle.Paragraph, required: false, max_length: 3000 });
    const select = impact as APIStringSelectComponent;
    expect(select.type).toBe(ComponentType.StringSelect);
    expect(select.options.map((option) => [option.label, option.value, option.default ?? false])).toEqual([
      ["High", "high", false],
      ["Medium", "medium", true],
      ["Low", "low", false],
    ]);
  });
});

describe("GIVEN a select with more choices than Discord's 25", () => {
  const many = Array.from({ length: 40 }, (_, index) => ({ id: `svc-${index}`, name: `Service ${index}` }));

  it("THEN it becomes a text input whose placeholder lists the allowed values, cut to 100", () => {
    const service = labels(incidentCreateForm({ services: many }))[4]?.component as APITextInputComponent;
    expect(service.type).toBe(ComponentType.TextInput);
    expect(service.placeholder?.startsWith("One of: svc-0, svc-1")).toBe(true);
    expect(service.placeholder?.length).toBeLessThanOrEqual(100);
  });
});

describe("GIVEN absurd form texts", () => {
  const form: Form = {
    type: "form",
    id: "incident.new",
    title: "Report an incident that is described at great length 🔥".repeat(5),
    intro: "x".repeat(5000),
    submitLabel: "Open",
    fields: [
      {
        id: "title",
        label: "A label far longer than forty-five characters allows",
        hint: "h".repeat(300),
        type: "text",
        required: true,
        maxLength: 9000,
        initial: "👨‍👩‍👧‍👦".repeat(2000),
        placeholder: "p".repeat(300),
      },
    ],
    hidden: {},
  };

  it("THEN every text is cut to its limit and the prefill to max_length", () => {
    const { modal } = renderForm(form);
    const [intro, label] = modal.components;
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(intro).toMatchObject({ type: ComponentType.TextDisplay });
    const field = label as APILabelComponent;
    const input = field.component as APITextInputComponent;
    expect(field.label.length).toBeLessThanOrEqual(45);
    expect(field.description?.length).toBeLessThanOrEqual(100);
    expect(input.max_length).toBe(4000);
    expect(input.value?.length).toBeLessThanOrEqual(4000);
    expect(input.placeholder?.length).toBeLessThanOrEqual(100);
  });

  it("THEN a form with more than five required fields fails loudly", () => {
    const field = form.fields[0];
    if (field === undefined) throw new Error("fixture has a field");
    const crowded: Form = {
      ...form,
      fields: Array.from({ length: 6 }, (_, index) => ({ ...field, id: `f${index}` })),
    };
    expect(() => renderForm(crowded)).toThrow(expect.objectContaining({ code: "form_too_large" }));
  });

  it("THEN a ref too long for the modal's custom_id fails loudly", () => {
    expect(() => renderForm(resolveForm(anIncident({ ref: `INC-${"9".repeat(100)}` })))).toThrow(
      expect.objectContaining({ code: "custom_id_too_long" }),
    );
  });
});

describe("GIVEN a submission in Discord's legacy shape (action rows of text inputs)", () => {
  it("THEN readModalValues reads it too", () => {
    expect(
      readModalValues([
        { type: 1, components: [{ type: 4, custom_id: "reason", value: "Errors are back" }] },
        { type: 18, component: { type: 3, custom_id: "code", values: [] } },
        { type: 10 },
      ]),
    ).toEqual({ reason: "Errors are back", code: "" });
  });

  it("THEN a modal that is not OpsDesk's is not mistaken for a form", () => {
    expect(modalToFormSubmission({ customId: "a:incident.ack:INC-7", components: [] })).toBeUndefined();
  });
});
