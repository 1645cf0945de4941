import { expect } from "vitest";
import type { ConsoleMessageJson, ConsoleReply, ConsoleWorld } from "../../support/console-world.js";
import { channels, people } from "../../support/desk-config.js";
import { liveInConsole } from "../support/live-markup.js";
import type { ChangeDriver, ChangeMessage, PersonKey } from "./driver.js";

/** Changes are discussed in the approvals channel unless their first service has a channel of its own. */
const changeChannels = [channels.console.approvals, channels.console.payments];

function quote(value: string): string {
  return /[\s:"]/.test(value) ? `"${value.replace(/"/g, "'")}"` : value;
}

function isOn(title: string, ref: string, on: ChangeMessage): boolean {
  return on === "approval" ? title.startsWith(`Approval needed · ${ref} ·`) : title.startsWith(`${ref} ·`);
}

/** A message as text: what it says and, for cards, the whole view (title, fields, action ids). */
function asText(message: ConsoleMessageJson): string {
  return message.view
    ? `${message.view.title ?? message.view.text ?? ""}\n${JSON.stringify(message.view)}`
    : (message.text ?? "");
}

function answerText(reply: ConsoleReply): string {
  if (reply.kind === "form") return `form:${reply.form?.id ?? ""}`;
  if (reply.kind === "field_errors") return JSON.stringify(reply.errors);
  return reply.message ? asText(reply.message) : "";
}

/**
 * The change scenarios on the local console, through its JSON API. The scenarios read messages without
 * waiting, so every action ends by settling the outbox and taking a fresh copy of the channels they read.
 */
export function consoleChangeDriver(world: ConsoleWorld): ChangeDriver {
  let channelCopies = new Map<string, ConsoleMessageJson[]>();
  let directCopies = new Map<PersonKey, ConsoleMessageJson[]>();
  const openForms = new Map<PersonKey, NonNullable<ConsoleReply["form"]>>();

  async function refresh(): Promise<void> {
    await world.settle();
    const copies = new Map<string, ConsoleMessageJson[]>();
    for (const channel of changeChannels) copies.set(channel, await world.api.messages(channel, "ada"));
    const direct = new Map<PersonKey, ConsoleMessageJson[]>();
    for (const person of Object.keys(people) as PersonKey[])
      direct.set(person, await world.api.messages(`@${person}`, person));
    channelCopies = copies;
    directCopies = direct;
  }

  async function act(path: string, as: PersonKey, body: Record<string, unknown>): Promise<string> {
    const { status, body: answered } = await world.api.post<{ reply: ConsoleReply }>(path, {
      as,
      channel: channels.console.approvals,
      ...body,
    });
    expect(status).toBe(200);
    if (answered.reply.kind === "form" && answered.reply.form) openForms.set(as, answered.reply.form);
    await refresh();
    return answerText(answered.reply);
  }

  const find = (ref: string, on: ChangeMessage) => {
    for (const channel of changeChannels) {
      const found = (channelCopies.get(channel) ?? []).find(
        (m) => m.kind === "card" && isOn(m.view?.title ?? "", ref, on),
      );
      if (found) return found;
    }
    return undefined;
  };

  return {
    platform: "console",
    opsdesk: world.opsdesk,
    async command(subcommand, args, as) {
      const { ref, ...named } = args;
      const text = [
        "/change",
        subcommand,
        ...(ref ? [ref] : []),
        ...Object.entries(named).map(([k, v]) => `${k}:${quote(v)}`),
      ].join(" ");
      return act("/command", as, { text });
    },
    async openCreateForm(as) {
      return (await act("/command", as, { text: "/change" })).replace(/^form:/, "");
    },
    async click(ref, action, as, on) {
      const found = find(ref, on);
      if (!found) throw new Error(`no ${on} message for ${ref}`);
      const button = found.view?.actions?.find((a) => a.id === `change.${action}`);
      if (!button) throw new Error(`the ${on} message of ${ref} has no change.${action} button`);
      return act("/button", as, { action: button.id, value: button.value });
    },
    async submitForm(formId, values, as) {
      const form = openForms.get(as);
      if (!form || form.id !== formId) throw new Error(`no open ${formId} form for ${as}`);
      const submitted: Record<string, string | boolean | null> = {};
      for (const field of form.fields) submitted[field.id] = values[field.id] ?? null;
      return act("/form", as, { formId, hidden: form.hidden, values: submitted });
    },
    message(ref, on) {
      const found = find(ref, on);
      return found ? asText(found) : undefined;
    },
    approvalsChannel: () =>
      (channelCopies.get(channels.console.approvals) ?? []).filter((m) => !m.private).map(asText),
    mention: (person: PersonKey) => `@${person}`,
    directMessages: (to) => (directCopies.get(to) ?? []).map((m) => m.text ?? ""),
    liveMarkup(where, containing) {
      const messages =
        "channel" in where
          ? (channelCopies.get(channels.console.approvals) ?? []).filter((m) => !m.private)
          : (directCopies.get(where.dm) ?? []);
      return messages
        .filter((m) => m.kind === "text" && (m.text ?? "").includes(containing))
        .map((m) => liveInConsole(m.html));
    },
    settle: refresh,
  };
}
