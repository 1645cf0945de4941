import type { Card } from "./card.js";
import type { Form } from "./form.js";
import type { List } from "./list.js";
import type { Notice } from "./notice.js";

/** Everything the core asks an adapter to show. */
export type View = Card | Form | List | Notice;
