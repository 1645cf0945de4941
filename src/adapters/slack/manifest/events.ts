/**
 * Events API subscriptions. None yet: OpsDesk reacts to slash commands, buttons, modals and the message
 * shortcut, which are interactions, not events. An event subscribed without a listener would only make
 * Slack send requests to acknowledge and drop. The manifest gets `event_subscriptions` once this list has
 * an entry (e.g. `app_home_opened` for a Home tab).
 */
export const botEvents: readonly string[] = [];
