/**
 * The parts of Slack's app manifest OpsDesk writes (docs.slack.dev/reference/app-manifest). Local types:
 * @slack/web-api's Manifest type is for the apps.manifest.* API and marks everything optional.
 */
export interface SlackSlashCommand {
  readonly command: string;
  readonly description: string;
  readonly usage_hint: string;
  /** true: Slack sends mentions as `<@U123|name>`, which the command grammar reads as people. */
  readonly should_escape: boolean;
  /** HTTP mode only; Socket Mode delivers commands over the socket. */
  readonly url?: string;
}

export interface SlackShortcut {
  readonly name: string;
  readonly type: "message" | "global";
  readonly callback_id: string;
  readonly description: string;
}

export interface SlackManifest {
  readonly display_information: {
    readonly name: string;
    readonly description: string;
    readonly background_color: string;
  };
  readonly features: {
    readonly app_home: {
      readonly home_tab_enabled: boolean;
      readonly messages_tab_enabled: boolean;
      readonly messages_tab_read_only_enabled: boolean;
    };
    readonly bot_user: { readonly display_name: string; readonly always_online: boolean };
    readonly slash_commands: readonly SlackSlashCommand[];
    readonly shortcuts: readonly SlackShortcut[];
  };
  readonly oauth_config: { readonly scopes: { readonly bot: readonly string[] } };
  readonly settings: {
    readonly event_subscriptions?: { readonly request_url?: string; readonly bot_events: readonly string[] };
    readonly interactivity: { readonly is_enabled: boolean; readonly request_url?: string };
    readonly org_deploy_enabled: boolean;
    readonly socket_mode_enabled: boolean;
    readonly token_rotation_enabled: boolean;
  };
}

export interface SlackManifestOptions {
  /** Shown in Slack as the app's and the bot's name (Slack allows 35 characters). */
  readonly appName: string;
  /** Where Bolt's HTTP receiver listens, e.g. `https://opsdesk.example.com/slack/events`. */
  readonly requestUrl: string;
  /** Socket Mode needs no public URL: commands, interactions and events arrive over a WebSocket. */
  readonly socketMode: boolean;
}
