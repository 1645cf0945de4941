import { z } from "zod";
import { SlackRenderError } from "./errors.js";
import { slackLimits } from "./limits.js";

/**
 * What a modal carries from opening to submission in `private_metadata`: the form's hidden values (the
 * ticket it acts on) and whatever the adapter needs afterwards (e.g. the channel and message to update).
 * Slack stores at most 3000 characters; cutting would lose data, so an oversized one is an error.
 */
export interface ModalMetadata {
  readonly hidden: Readonly<Record<string, string>>;
  readonly extra: Readonly<Record<string, string>>;
}

const metadataSchema = z.object({
  hidden: z.record(z.string(), z.string()),
  extra: z.record(z.string(), z.string()),
});

export function encodePrivateMetadata(metadata: ModalMetadata): string {
  const json = JSON.stringify({ hidden: metadata.hidden, extra: metadata.extra });
  if (json.length > slackLimits.privateMetadata) {
    throw new SlackRenderError(
      "private_metadata_too_long",
      `private_metadata would be ${json.length} characters; Slack keeps at most ${slackLimits.privateMetadata}`,
    );
  }
  return json;
}

/** The inverse of encodePrivateMetadata, for the view_submission handler. */
export function decodePrivateMetadata(raw: string): ModalMetadata {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (cause) {
    throw new SlackRenderError("private_metadata_invalid", "private_metadata is not JSON", { cause });
  }
  const result = metadataSchema.safeParse(parsed);
  if (!result.success) {
    throw new SlackRenderError("private_metadata_invalid", "private_metadata is not OpsDesk's", {
      cause: result.error,
    });
  }
  return result.data;
}
