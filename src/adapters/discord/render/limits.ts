/**
 * Discord's limits for what OpsDesk posts, in UTF-16 code units (what Discord's validator and
 * `String.length` both count). Sources: developer docs, "Embed Limits", "Component Reference",
 * "Interaction Response Object: Modal", "Application Command Object".
 */
export const embedLimits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name of every embed, together. */
  total: 6000,
} as const;

export const messageLimits = {
  content: 2000,
} as const;

export const componentLimits = {
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  linkUrl: 512,
  selectOptions: 25,
  optionLabel: 100,
  optionValue: 100,
  selectPlaceholder: 150,
} as const;

export const modalLimits = {
  title: 45,
  /** Top-level components: labels, text displays or (deprecated) action rows. */
  components: 5,
  label: 45,
  labelDescription: 100,
  placeholder: 100,
  /** Text input `max_length` and `value` both top out here. */
  textLength: 4000,
  textDisplay: 4000,
} as const;
