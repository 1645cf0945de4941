import type { Group, OpsdeskConfig, Person, Service } from "../../config/types.js";

/**
 * The people, groups and services a sandbox gets when opsdesk.yaml declares none, so a newcomer can play
 * every role at once: a requester, two agents, a CAB member and an admin. Only ever added to a sandbox
 * database (see sandbox.ts): a real desk that forgot its file must not grow invented people.
 */
export function withSandboxDesk(config: OpsdeskConfig): OpsdeskConfig {
  if (config.people.length > 0 || config.groups.length > 0) return config;
  const person = (id: string, name: string): Person => ({ id, name, timezone: config.timezone });
  const people = [
    person("rita", "Rita Requester"),
    person("ada", "Ada Agent"),
    person("otto", "Otto On-call"),
    person("cleo", "Cleo CAB"),
    person("alex", "Alex Admin"),
  ];
  const member = (id: string) => ({ personId: id, name: people.find((p) => p.id === id)?.name ?? id });
  const groups: Group[] = [
    { id: "service-desk", name: "Service desk", roles: ["agent"], members: [member("ada"), member("otto")] },
    { id: "cab", name: "Change Advisory Board", roles: ["cab"], members: [member("cleo"), member("ada")] },
    { id: "admins", name: "OpsDesk admins", roles: ["admin"], members: [member("alex")] },
  ];
  const service = (id: string, name: string, tier: Service["tier"], channel?: string): Service => ({
    id,
    name,
    tier,
    owner: "service-desk",
    channels: channel ? { console: channel } : {},
    dependsOn: [],
  });
  const services =
    config.services.length > 0
      ? config.services
      : [
          service("payments", "Payments API", 1, "#payments"),
          service("email", "Email", 2),
          service("vpn", "VPN", 3),
        ];
  return { ...config, people, groups, services };
}
