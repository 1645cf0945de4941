import { ComponentType } from "discord.js";
import type { APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import type { Form, FormField } from "../../../kernel/views/form.js";
import { DiscordRenderError } from "./errors.js";
import { encodeFormCustomId } from "./ids.js";
import { modalLimits } from "./limits.js";
import { labelledInput } from "./modal-fields.js";
import { truncate } from "./truncate.js";

export interface RenderedForm {
  readonly modal: APIModalInteractionResponseCallbackData;
  /**
   * Ids of optional fields left out because a modal holds at most 5 components. The caller can say so
   * ("add a category with /incident …") or fill them in later; the command still validates without them.
   */
  readonly dropped: readonly string[];
}

/** Required fields always, then optional ones in form order until the modal is full; form order kept. */
function chooseFields(form: Form): { kept: FormField[]; dropped: string[] } {
  const required = form.fields.filter((field) => field.required).length;
  if (required > modalLimits.components) {
    throw new DiscordRenderError(
      "form_too_large",
      `Form ${form.id} has ${required} required fields; a Discord modal holds ${modalLimits.components}`,
    );
  }
  let optionalRoom = modalLimits.components - required;
  const kept: FormField[] = [];
  const dropped: string[] = [];
  for (const field of form.fields) {
    if (field.required) kept.push(field);
    else if (optionalRoom > 0) {
      kept.push(field);
      optionalRoom -= 1;
    } else dropped.push(field.id);
  }
  return { kept, dropped };
}

/**
 * A form as a Discord modal (interaction callback type 9). The hidden values travel in the modal's
 * custom_id (see ids.ts); when they do not fit, this throws CustomIdTooLongError rather than open a form
 * whose submission could not be tied back to its ticket. The intro line is shown as a text display when a
 * slot is left over. Discord modals have a fixed "Submit" button, so `submitLabel` is not shown.
 */
export function renderForm(form: Form): RenderedForm {
  const customId = encodeFormCustomId(form.id, form.hidden);
  const { kept, dropped } = chooseFields(form);
  const intro = form.intro?.trim() ?? "";
  const components: APIModalInteractionResponseCallbackData["components"] = kept.map(labelledInput);
  if (intro !== "" && components.length < modalLimits.components) {
    components.unshift({
      type: ComponentType.TextDisplay,
      content: truncate(intro, modalLimits.textDisplay),
    });
  }
  return {
    modal: { custom_id: customId, title: truncate(form.title.trim(), modalLimits.title), components },
    dropped,
  };
}
