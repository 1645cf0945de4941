import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError } from "../../../src/kernel/commands/argument-error.js";
import { parseCommandOptions } from "../../../src/kernel/commands/parse-options.js";
import { parseCommandText } from "../../../src/kernel/commands/parse-text.js";
import type { Form, SubmittedValue } from "../../../src/kernel/views/form.js";
import { formSubmissionToCommand } from "../../../src/kernel/views/form-submission.js";
import { holdReasons, incidentActions, resolutionCodes } from "../../../src/practices/incidents/model.js";
import {
  formForIncidentAction,
  holdForm,
  noteForm,
  priorityForm,
  resolveForm,
} from "../../../src/practices/incidents/views/action-forms.js";
import { incidentActionPresentation } from "../../../src/practices/incidents/views/actions.js";
import { incidentCard } from "../../../src/practices/incidents/views/card.js";
import { incidentCreateForm } from "../../../src/practices/incidents/views/create-form.js";
import { commandRegistry } from "../../../src/practices/registry.js";
import { anIncident } from "./incident-fixture.js";

const submit = (form: Form, values: Record<string, SubmittedValue>) =>
  formSubmissionToCommand(commandRegistry, { formId: form.id, hidden: form.hidden, values });

const services = [
  { id: "payments-api", name: "Payments API" },
  { id: "vpn", name: "VPN" },
];

describe("GIVEN the create form", () => {
  const form = incidentCreateForm({ services });

  it("THEN it asks for title, description, impact, urgency, service and category with the model's limits", () => {
    expect(form).toMatchObject({
      type: "form",
      id: "incident.new",
      submitLabel: "Open incident",
      hidden: {},
    });
    expect(form.fields.map((field) => [field.id, field.type, field.required])).toEqual([
      ["title", "text", true],
      ["description", "textarea", false],
      ["impact", "select", false],
      ["urgency", "select", false],
      ["service", "select", false],
      ["category", "text", false],
    ]);
    expect(form.fields[0]).toMatchObject({ maxLength: 150, label: "Title" });
    expect(form.fields[2]).toMatchObject({
      initial: "medium",
      options: [
        { value: "high", label: "High" },
        { value: "medium", label: "Medium" },
        { value: "low", label: "Low" },
      ],
    });
    expect(form.fields[4]).toMatchObject({
      options: [
        { value: "payments-api", label: "Payments API" },
        { value: "vpn", label: "VPN" },
      ],
    });
  });

  it("THEN a prefill from a long message is clipped to fit and the title is one line", () => {
    const prefilled = incidentCreateForm({
      services: [],
      prefill: { title: `Checkout\nfails ${"x".repeat(200)}`, description: "y".repeat(4000) },
    });
    const [title, description] = prefilled.fields;
    expect(title).toMatchObject({ initial: expect.stringMatching(/^Checkout fails x+…$/) });
    expect(title?.type === "text" ? title.initial?.length : 0).toBe(150);
    expect(description?.type === "textarea" ? description.initial?.length : 0).toBe(3000);
    expect(prefilled.fields.map((field) => field.id)).not.toContain("service");
  });

  it("THEN a submission is the same command as the typed text", () => {
    const fromForm = submit(form, {
      title: "Payments API is down",
      description: "",
      impact: "high",
      urgency: "medium",
      service: "payments-api",
      category: null,
    });
    expect(fromForm).toEqual(
      parseCommandText(commandRegistry, "/incident", "Payments API is down impact:high service:payments-api"),
    );
  });

  it("THEN a bad field is reported against that field", () => {
    expect(() => submit(form, { title: "   " })).toThrowError(
      expect.objectContaining({ argument: "title", problem: "title is required" }),
    );
    expect(() => submit(form, { title: "x", impact: "huge" })).toThrowError(ArgumentError);
  });
});

describe("GIVEN the forms behind card buttons", () => {
  const incident = anIncident();

  const card = incidentCard(incident, incidentActions);
  const buttonOf = (action: string) =>
    card.actions.find((candidate) => candidate.id === `incident.${action}`);
  const withForm = incidentActions.filter((action) => incidentActionPresentation[action].form !== undefined);
  const withoutForm = incidentActions.filter((action) => !withForm.includes(action));

  it("THEN exactly the actions that need input have a form", () => {
    expect(withForm).toEqual([
      "assign",
      "add_note",
      "change_priority",
      "hold",
      "resolve",
      "reopen",
      "cancel",
    ]);
    expect(withoutForm).toEqual([
      "acknowledge",
      "assign_to_me",
      "resume",
      "close",
      "declare_major",
      "resolve_fixed_by_problem",
    ]);
  });

  it("THEN each action that needs input has a form for the ticket whose id is the one on the card", () => {
    for (const action of withForm) {
      const form = formForIncidentAction(action, incident);
      expect(form?.id).toBe(incidentActionPresentation[action].form);
      expect(buttonOf(action)?.requiresInput).toBe(incidentActionPresentation[action].form);
      expect(form?.hidden).toEqual({ ref: "INC-7" });
    }
  });

  it("THEN an action that needs no input has no form and its button runs at once", () => {
    for (const action of withoutForm) {
      expect(formForIncidentAction(action, incident)).toBeUndefined();
      expect(buttonOf(action)).toMatchObject({ id: `incident.${action}`, value: "INC-7" });
      expect(buttonOf(action)?.requiresInput).toBeUndefined();
    }
  });

  it("THEN the resolve form offers every resolution code with its label and needs a note", () => {
    const form = resolveForm(incident);
    expect(form.intro).toBe("INC-7 · Payments API down");
    const [code, note] = form.fields;
    expect(code).toMatchObject({ id: "code", type: "select", required: true });
    expect(code?.type === "select" ? code.options.map((option) => option.value) : []).toEqual([
      ...resolutionCodes,
    ]);
    expect(code?.type === "select" ? code.options[1] : undefined).toEqual({
      value: "workaround",
      label: "Workaround applied",
    });
    expect(note).toMatchObject({ id: "note", type: "textarea", required: true, maxLength: 3000 });
  });

  it("THEN the hold form offers the hold reasons and an optional note", () => {
    const [reason, note] = holdForm(incident).fields;
    expect(reason?.type === "select" ? reason.options.map((option) => option.label) : []).toEqual([
      "Awaiting caller",
      "Awaiting vendor",
      "Awaiting change",
    ]);
    expect(note).toMatchObject({ required: false });
  });

  it("THEN the priority form starts from the current impact and urgency", () => {
    expect(priorityForm(incident).fields).toMatchObject([
      { id: "impact", initial: "high" },
      { id: "urgency", initial: "medium" },
      { id: "reason", type: "textarea", required: true, maxLength: 500 },
    ]);
  });

  it("THEN the note form has an internal checkbox, off by default", () => {
    expect(noteForm(incident).fields[1]).toMatchObject({ id: "internal", type: "checkbox", initial: false });
  });

  it("THEN the ticket comes from the form, not from what was submitted", () => {
    expect(submit(noteForm(incident), { text: "Rolled back", internal: true, ref: "INC-99" })).toEqual({
      command: "incident",
      subcommand: "note",
      args: { ref: 7, text: "Rolled back", internal: true },
    });
  });

  it("THEN any hold submission equals the same options sent by Discord", () => {
    fc.assert(
      fc.property(fc.constantFrom(...holdReasons), fc.string({ maxLength: 50 }), (reason, note) => {
        expect(submit(holdForm(incident), { reason, note })).toEqual(
          parseCommandOptions(commandRegistry, {
            command: "incident",
            subcommand: "hold",
            options: { ref: 7, reason, note },
          }),
        );
      }),
    );
  });
});
