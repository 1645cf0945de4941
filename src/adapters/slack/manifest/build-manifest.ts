import { deskCommands, deskMessageActions } from "../../../desk/catalog.js";
import { botEvents } from "./events.js";
import { botScopes } from "./scopes.js";
import { slashCommands } from "./slash-commands.js";
import type { SlackManifest, SlackManifestOptions, SlackShortcut } from "./types.js";

const appNameMax = 35;

/** Every message action of every practice, as a message shortcut ("Raise incident"). */
const shortcuts: readonly SlackShortcut[] = deskMessageActions.map((action) => ({
  name: action.label,
  type: "message",
  callback_id: action.id,
  description: action.description,
}));

/**
 * The Slack app manifest, generated from the command registry so Slack's command list can never disagree
 * with what the grammar accepts. In HTTP mode every request goes to the one URL Bolt's receiver serves.
 */
export function buildSlackManifest(options: SlackManifestOptions): SlackManifest {
  if (options.appName.length === 0 || options.appName.length > appNameMax) {
    throw new Error(`Slack manifest: the app name must be 1 to ${appNameMax} characters`);
  }
  const url = options.socketMode ? undefined : options.requestUrl;
  const withUrl = url === undefined ? {} : { request_url: url };
  return {
    display_information: {
      name: options.appName,
      description: "IT service desk in chat: incidents, SLAs and changes",
      background_color: "#1f3a5f",
    },
    features: {
      // The Messages tab is where SLA warnings sent to one person land; read-only because OpsDesk reads no DMs.
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: options.appName, always_online: true },
      slash_commands: slashCommands(deskCommands, url),
      shortcuts,
    },
    oauth_config: { scopes: { bot: botScopes.map((entry) => entry.scope) } },
    settings: {
      ...(botEvents.length === 0 ? {} : { event_subscriptions: { ...withUrl, bot_events: botEvents } }),
      interactivity: { is_enabled: true, ...withUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
