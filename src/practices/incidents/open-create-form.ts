import type { Db } from "../../db/client.js";
import type { ChatMessage } from "../../kernel/practice.js";
import { activeServices } from "../../kernel/services.js";
import type { Form } from "../../kernel/views/form.js";
import { incidentCreateForm, prefillFromMessage } from "./views/create-form.js";

/** The "raise an incident" form, with the active services to choose from and optional prefill. */
export async function openIncidentCreateForm(
  db: Db,
  prefill?: { title?: string; description?: string },
): Promise<Form> {
  const services = await activeServices(db);
  return incidentCreateForm({ services, ...(prefill ? { prefill } : {}) });
}

/**
 * "Raise incident" on a chat message: the form, prefilled with the message's first line as the title and
 * the whole message, with a link back to it, as the description.
 */
export function openIncidentFromMessage(db: Db, message: ChatMessage): Promise<Form> {
  const { text, link, from } = message;
  // The message is clipped first, so the link back to it always survives a long message.
  return openIncidentCreateForm(
    db,
    prefillFromMessage(text, link ? { label: `From ${from}`, url: link } : undefined),
  );
}
