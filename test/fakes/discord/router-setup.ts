import { Router } from "./http/router.js";
import { registerChannelRoutes } from "./rest/channels.js";
import { registerCommandRoutes } from "./rest/commands.js";
import { registerGuildRoutes } from "./rest/guilds.js";
import { registerInteractionRoutes } from "./rest/interactions.js";
import { registerMetaRoutes } from "./rest/meta.js";
import { registerUserRoutes } from "./rest/users.js";
import { registerWebhookRoutes } from "./rest/webhooks.js";

/** Every REST family the fake serves. The first registered match wins. */
export function buildRouter(): Router {
  const router = new Router();
  registerMetaRoutes(router);
  registerCommandRoutes(router);
  registerInteractionRoutes(router);
  registerWebhookRoutes(router);
  registerChannelRoutes(router);
  registerUserRoutes(router);
  registerGuildRoutes(router);
  return router;
}
