import { ButtonStyle, ComponentType } from "discord.js";
import type { APIButtonComponent } from "discord-api-types/v10";
import type { ActionStyle, CardAction, CardLink } from "../../../kernel/views/card.js";
import { DiscordRenderError } from "./errors.js";
import { encodeActionCustomId } from "./ids.js";
import { componentLimits } from "./limits.js";
import type { MessageActionRow } from "./message.js";
import { truncate } from "./truncate.js";

const styles: Readonly<
  Record<ActionStyle, ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary>
> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};

export interface RenderedButtons {
  readonly rows: MessageActionRow[];
  /** Labels of actions and links that did not fit or could not be encoded, for a note on the card. */
  readonly dropped: readonly string[];
}

function actionButton(action: CardAction): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: styles[action.style],
    label: truncate(action.label, componentLimits.buttonLabel),
    custom_id: encodeActionCustomId({
      actionId: action.id,
      value: action.value,
      confirm: action.confirm !== undefined,
    }),
  };
}

function linkButton(link: CardLink): APIButtonComponent | undefined {
  if (link.url.length > componentLimits.linkUrl || !/^https?:\/\//i.test(link.url)) return undefined;
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Link,
    label: truncate(link.label, componentLimits.buttonLabel),
    url: link.url,
  };
}

/**
 * Card actions, then links, as rows of buttons. Past 5 rows of 5 the rest is dropped; a button whose
 * custom_id would not fit is dropped too (one broken button must not cost the whole card). Discord
 * rejects two components with the same custom_id in a message, so a repeated action is shown once.
 */
export function renderButtons(actions: readonly CardAction[], links: readonly CardLink[]): RenderedButtons {
  const capacity = componentLimits.actionRows * componentLimits.buttonsPerRow;
  const buttons: APIButtonComponent[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  const candidates = [
    ...actions.map((action) => ({ label: action.label, make: () => actionButton(action) })),
    ...links.map((link) => ({ label: link.label, make: () => linkButton(link) })),
  ];
  for (const candidate of candidates) {
    let button: APIButtonComponent | undefined;
    try {
      button = candidate.make();
    } catch (error) {
      if (!(error instanceof DiscordRenderError)) throw error;
    }
    const key = button !== undefined && "custom_id" in button ? button.custom_id : undefined;
    if (key !== undefined && seen.has(key)) continue;
    if (button === undefined || buttons.length >= capacity) {
      dropped.push(candidate.label);
      continue;
    }
    if (key !== undefined) seen.add(key);
    buttons.push(button);
  }
  const rows: MessageActionRow[] = [];
  for (let start = 0; start < buttons.length; start += componentLimits.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(start, start + componentLimits.buttonsPerRow),
    });
  }
  return { rows, dropped };
}
