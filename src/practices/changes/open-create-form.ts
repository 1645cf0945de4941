import type { Actor } from "../../kernel/people/actor.js";
import { timezoneOf } from "../../kernel/people/person-timezone.js";
import type { Form } from "../../kernel/views/form.js";
import type { ChangeContext } from "./context.js";
import { changeCreateForm } from "./views/forms.js";

/** The request-for-change form, with the active services and the person's time zone for the dates. */
export async function openChangeCreateForm(changes: ChangeContext, actor: Actor): Promise<Form> {
  const services = await changes.db.service.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: { id: true, name: true },
  });
  const timezone = await timezoneOf(changes.db, actor.person.id, changes.timezone);
  return changeCreateForm({ services, timezone });
}

/** `/change`, `/change new` (or only a type): nothing to go on yet, so the form opens. */
export function wantsChangeForm(args: { title?: string; start?: string; template?: string }): boolean {
  return !args.title && !args.start && !args.template;
}
