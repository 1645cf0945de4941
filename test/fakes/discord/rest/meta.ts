import { apiUser } from "../entities.js";
import type { Router } from "../http/router.js";

/** Login-time routes: discord.js asks `/gateway/bot` for the WebSocket URL before connecting. */
export function registerMetaRoutes(router: Router): void {
  router.add("GET", "/gateway/bot", ({ state }) => ({
    status: 200,
    body: {
      url: state.gatewayUrl,
      shards: 1,
      // discord.js caches this response for `reset_after` ms and refuses to connect when `remaining` is short.
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    },
  }));
  router.add("GET", "/gateway", ({ state }) => ({ status: 200, body: { url: state.gatewayUrl } }));
  router.add("GET", "/users/@me", ({ state }) => ({
    status: 200,
    body: { ...state.botUser(), verified: true, mfa_enabled: false, locale: "en-US", email: null },
  }));
  router.add("GET", "/applications/@me", ({ state }) => ({
    status: 200,
    body: {
      id: state.config.applicationId,
      name: state.config.bot.username,
      icon: null,
      description: "",
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: 0,
      owner: apiUser(state.config.human),
      team: null,
      bot: state.botUser(),
      approximate_guild_count: 1,
      integration_types_config: { "0": {} },
    },
  }));
}
