/**
 * A picture OpsDesk posts (a report's chart), in neutral terms: the PNG itself, a file name, a short title
 * and the alternative text that says what the picture shows for people who cannot see it. Renderers upload
 * it the way their platform takes files (Slack's external upload, a Discord attachment, the console's page)
 * and never look inside it. The PNG travels base64-encoded because outbox bodies are JSON.
 */
export interface ImageView {
  readonly type: "image";
  /** `incidents-30d.png`: letters, digits, `-`, `_` and `.` only, ending in `.png`. */
  readonly filename: string;
  readonly title: string;
  /**
   * What the image says, numbers included (WCAG 1.1.1 non-text content). At most 1000 characters: Slack
   * refuses a longer `alt_txt` (files.getUploadURLExternal, `alt_txt_too_large`); Discord takes 1024.
   */
  readonly altText: string;
  readonly pngBase64: string;
  readonly width: number;
  readonly height: number;
}

export const imageAltTextMax = 1000;

const filenamePattern = /^[A-Za-z0-9_.-]{1,80}\.png$/;

/** Builds the view; a file name or alt text the platforms would refuse is a bug of the caller. */
export function imageView(input: Omit<ImageView, "type" | "pngBase64"> & { png: Uint8Array }): ImageView {
  if (!filenamePattern.test(input.filename)) throw new TypeError(`not an image file name: ${input.filename}`);
  if (input.altText.length === 0 || input.altText.length > imageAltTextMax)
    throw new TypeError(`alt text must be 1-${imageAltTextMax} characters`);
  return {
    type: "image",
    filename: input.filename,
    title: input.title,
    altText: input.altText,
    pngBase64: Buffer.from(input.png).toString("base64"),
    width: input.width,
    height: input.height,
  };
}

/** The PNG bytes of an image view read back from an outbox body. */
export function imageBytes(image: ImageView): Buffer {
  return Buffer.from(image.pngBase64, "base64");
}
