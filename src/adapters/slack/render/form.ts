import type { types } from "@slack/bolt";
import type { Form } from "../../../kernel/views/form.js";
import { SlackRenderError } from "./errors.js";
import { inputBlock } from "./form-fields.js";
import { slackLimits } from "./limits.js";
import { encodePrivateMetadata } from "./private-metadata.js";
import { mrkdwn, plainLine, userMrkdwn } from "./text-objects.js";

export interface RenderFormOptions {
  /** The modal's callback_id; by OpsDesk's scheme the form id (see `formCallbackId` in ids.ts). */
  readonly callbackId: string;
  /** Adapter data carried to the submission next to the form's hidden values. */
  readonly privateMetadata?: Readonly<Record<string, string>>;
}

// Slack's default close label is "Cancel", which next to a "Cancel incident" submit button reads as the
// same action; "Close" cannot be mistaken for it.
const closeLabel = "Close";

function checkedCallbackId(callbackId: string): string {
  if (callbackId.length === 0 || callbackId.length > slackLimits.callbackId) {
    throw new SlackRenderError(
      "identifier_too_long",
      `callback_id must be 1 to ${slackLimits.callbackId} characters (got ${callbackId.length})`,
    );
  }
  return callbackId;
}

/**
 * A form as a modal for views.open. Fields become input blocks whose ids are the command arguments, so
 * `readModalValues` can hand the submission to `formSubmissionToCommand` unchanged. A form with more fields
 * than a modal holds is refused rather than shown without some of its inputs.
 */
export function renderForm(form: Form, options: RenderFormOptions): types.ModalView {
  const intro =
    form.intro === undefined || form.intro.trim() === ""
      ? []
      : [{ type: "section" as const, text: mrkdwn(userMrkdwn(form.intro, slackLimits.sectionText)) }];
  const blocks: types.KnownBlock[] = [...intro, ...form.fields.map(inputBlock)];
  if (blocks.length > slackLimits.blocksPerModal) {
    throw new SlackRenderError(
      "form_too_large",
      `form ${form.id} needs ${blocks.length} blocks; a Slack modal holds ${slackLimits.blocksPerModal}`,
    );
  }
  return {
    type: "modal",
    callback_id: checkedCallbackId(options.callbackId),
    title: plainLine(form.title, slackLimits.modalTitle),
    submit: plainLine(form.submitLabel, slackLimits.modalSubmit),
    close: plainLine(closeLabel, slackLimits.modalClose),
    private_metadata: encodePrivateMetadata({ hidden: form.hidden, extra: options.privateMetadata ?? {} }),
    blocks,
  };
}
