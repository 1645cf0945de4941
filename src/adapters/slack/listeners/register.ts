import type { App } from "@slack/bolt";
import { registerChangeButton } from "./actions/change-button.js";
import { registerIncidentButton } from "./actions/incident-button.js";
import { registerChangeCommand } from "./commands/change.js";
import { registerIncidentCommand } from "./commands/incident.js";
import { registerSlaCommand } from "./commands/sla.js";
import type { SlackListenerDeps } from "./deps.js";
import { registerRaiseIncidentShortcut } from "./shortcuts/raise-incident.js";
import { registerChangeForm } from "./views/change-form.js";
import { registerIncidentForm } from "./views/incident-form.js";

/** Every Slack listener, one file each. */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  registerIncidentCommand(app, deps);
  registerSlaCommand(app, deps);
  registerIncidentButton(app, deps);
  registerIncidentForm(app, deps);
  registerRaiseIncidentShortcut(app, deps);
  registerChangeCommand(app, deps);
  registerChangeButton(app, deps);
  registerChangeForm(app, deps);
}
