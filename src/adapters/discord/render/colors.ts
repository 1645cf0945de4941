import type { Intent } from "../../../kernel/views/card.js";

/**
 * The embed's side stripe. Discord's own palette (red, yellow, green, blurple-grey) so cards read the same
 * in light and dark themes.
 */
export const intentColors: Readonly<Record<Intent, number>> = {
  danger: 0xed4245,
  warning: 0xfee75c,
  success: 0x57f287,
  neutral: 0x99aab5,
};
