import { z } from "zod";
import { hasNulByte } from "../../../kernel/text/nul-byte.js";
import { consolePersonId } from "../workspace.js";

/** Request fields shared by the console's endpoints. */
export const personField = z
  .string()
  .regex(consolePersonId, "a person id like ada (see /console/api/workspace)");
export const channelField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((channel) => !hasNulByte(channel), "a channel name without NUL characters (U+0000)");
/** Sent by the page with each action, so a double click or a retried request acts once. */
export const requestIdField = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/)
  .optional();
