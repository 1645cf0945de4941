// The opsdesk.yaml every end-to-end test runs with: one agent group, a reporter, two services with their
// own incident channels per platform (Slack, Discord and the console), and default channels.
export const people = {
  ada: { id: "ada", name: "Ada Agent", slack: "U0ADAAGT", discord: "100000000000000001" },
  otto: { id: "otto", name: "Otto Agent", slack: "U0OTTOAG", discord: "100000000000000002" },
  rita: { id: "rita", name: "Rita Reporter", slack: "U0RITARP", discord: "100000000000000003" },
} as const;

/** Someone not in the file: OpsDesk meets them in chat and gives them no roles. */
export const stranger = { slack: "U0STRANGR", discord: "100000000000000009" } as const;

export const channels = {
  slack: {
    incidents: "C0INCIDENTS",
    payments: "C0PAYMENTS",
    approvals: "C0APPROVALS",
    alerts: "C0SLAALERTS",
  },
  discord: {
    incidents: "200000000000000001",
    payments: "200000000000000002",
    approvals: "200000000000000003",
    alerts: "200000000000000004",
  },
  console: {
    incidents: "#incidents",
    payments: "#payments",
    approvals: "#approvals",
    alerts: "#sla-alerts",
  },
} as const;

export const deskConfigYaml = `
timezone: Europe/Berlin
people:
${Object.values(people)
  .map((p) => `  - { id: ${p.id}, name: ${p.name}, slack: ${p.slack}, discord: "${p.discord}" }`)
  .join("\n")}
groups:
  - id: service-desk
    name: Service desk
    roles: [agent]
    members: [ada, otto]
services:
  - id: payments
    name: Payments API
    tier: 1
    owner: service-desk
    channels: { slack: ${channels.slack.payments}, discord: "${channels.discord.payments}", console: "${channels.console.payments}" }
  - id: identity
    name: Identity
    tier: 2
    channels: {}
channels:
  incidents: { slack: ${channels.slack.incidents}, discord: "${channels.discord.incidents}" }
  approvals: { slack: ${channels.slack.approvals}, discord: "${channels.discord.approvals}" }
  slaAlerts: { slack: ${channels.slack.alerts}, discord: "${channels.discord.alerts}" }
`;
