import { DateTime } from "luxon";

// The opsdesk.yaml every end-to-end test runs with: one agent group, a reporter, two services with their
// own incident channels per platform (Slack, Discord and the console), and default channels.
export const people = {
  ada: { id: "ada", name: "Ada Agent", slack: "U0ADAAGT", discord: "100000000000000001" },
  otto: { id: "otto", name: "Otto Agent", slack: "U0OTTOAG", discord: "100000000000000002" },
  rita: { id: "rita", name: "Rita Reporter", slack: "U0RITARP", discord: "100000000000000003" },
  carl: { id: "carl", name: "Carl CAB", slack: "U0CARLCB", discord: "100000000000000004" },
  cleo: { id: "cleo", name: "Cleo CAB", slack: "U0CLEOCB", discord: "100000000000000005" },
} as const;

/** Someone not in the file: OpsDesk meets them in chat and gives them no roles. */
export const stranger = { slack: "U0STRANGR", discord: "100000000000000009" } as const;

export const channels = {
  slack: {
    incidents: "C0INCIDENTS",
    payments: "C0PAYMENTS",
    approvals: "C0APPROVALS",
    alerts: "C0SLAALERTS",
    assets: "C0ASSETS",
  },
  discord: {
    incidents: "200000000000000001",
    payments: "200000000000000002",
    approvals: "200000000000000003",
    alerts: "200000000000000004",
    assets: "200000000000000005",
  },
  console: {
    incidents: "#incidents",
    payments: "#payments",
    approvals: "#approvals",
    alerts: "#sla-alerts",
    assets: "#assets",
  },
} as const;

/**
 * The change freeze of the test desk: real days ahead of the machine's clock (the desk runs on real time),
 * from the 20th to the 27th day from now, on the desk's wall clock.
 */
export const blackout = {
  name: "Test freeze",
  start: DateTime.now().setZone("Europe/Berlin").plus({ days: 20 }).startOf("day"),
  end: DateTime.now().setZone("Europe/Berlin").plus({ days: 27 }).startOf("day"),
};

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
  - id: cab
    name: Change advisory board
    roles: [cab]
    members: [otto, carl, cleo]
  - id: problem-managers
    name: Problem managers
    members: [otto]
services:
  - id: payments
    name: Payments API
    tier: 1
    owner: service-desk
    channels: { slack: ${channels.slack.payments}, discord: "${channels.discord.payments}", console: "${channels.console.payments}" }
    dependsOn: [identity]
  - id: identity
    name: Identity
    tier: 2
    channels: {}
channels:
  incidents: { slack: ${channels.slack.incidents}, discord: "${channels.discord.incidents}" }
  approvals: { slack: ${channels.slack.approvals}, discord: "${channels.discord.approvals}" }
  slaAlerts: { slack: ${channels.slack.alerts}, discord: "${channels.discord.alerts}" }
assets:
  channels: { slack: ${channels.slack.assets}, discord: "${channels.discord.assets}", console: "${channels.console.assets}" }
problems:
  managers: problem-managers
changes:
  normal: { approvers: cab, quorum: 2 }
  emergency: { approvers: cab, quorum: "50%" }
  agendaTime: "00:00"
  templates:
    - { id: cert-rotation, title: Rotate TLS certificates, services: [payments], duration: 30m }
  blackouts:
    - { name: ${blackout.name}, start: "${blackout.start.toFormat("yyyy-MM-dd HH:mm")}", end: "${blackout.end.toFormat("yyyy-MM-dd HH:mm")}" }
releases:
  approvers: cab
  quorum: 2
  suspectFor: 4h
continuity:
  drillEvery: 30d
  plans:
    - service: identity
      rto: 4h
      rpo: 15m
      mtd: 8h
      contacts: ["Identity vendor hotline: +1 555 0100"]
      steps:
        - { title: Fail over the user database, owner: service-desk }
        - { title: Restart the identity pods, owner: service-desk }
requests:
  managers: { rita: ada, carl: ada }
  categories:
    - { id: hardware, name: Hardware, description: Laptops and peripherals }
    - { id: access, name: Access and accounts }
  items:
    - id: laptop
      name: New laptop
      category: hardware
      fields:
        - { id: model, label: Model, type: choice, required: true, default: standard, options: [standard, developer] }
        - { id: ram, label: Memory (GB), type: number, default: 16, min: 8, max: 64 }
        - { id: needed_by, label: Needed by, type: date }
      approval: manager
      fulfilment:
        order: ordered
        tasks:
          - { title: Order the laptop, group: service-desk, instructions: "Order a {model} laptop with {ram} GB for {requester}." }
          - { title: Hand it over, group: service-desk }
    - id: access
      name: Access to a system
      category: access
      requestableBy: [service-desk, cab]
      fields:
        - { id: system, label: System, type: choice, required: true, options: [payments, identity] }
      approval: { group: cab, quorum: 2 }
      fulfilment:
        order: parallel
        tasks:
          - { title: Grant access, group: service-desk, instructions: "Grant {system} to {requester}." }
          - { title: Record the grant, group: cab }
    - id: reset
      name: Password reset
      category: access
      fields:
        - { id: account, label: Account, type: text, required: true }
      fulfilment:
        tasks:
          - { title: Reset the password, group: service-desk, instructions: "Reset {account}." }
    - id: starter
      name: New starter
      category: access
      fields:
        - { id: full_name, label: Full name, type: text, required: true }
        - { id: start_date, label: Start date, type: date, required: true }
        - { id: buddy, label: Buddy, type: person }
        - { id: team, label: Team, type: choice, required: true, options: [engineering, sales] }
        - { id: laptop, label: Laptop, type: choice, default: standard, options: [standard, developer] }
        - { id: remote, label: Works remotely, type: yesno }
        - { id: software, label: Software, type: multichoice, options: [figma, office, jetbrains] }
        - { id: desk, label: Desk number, type: text, pattern: "[A-Z][0-9]{1,3}", patternHelp: "a letter and up to 3 digits, like B12" }
        - { id: seats, label: Seats, type: number, min: 1, max: 4 }
      fulfilment:
        order: parallel
        tasks:
          - { title: Create accounts, group: service-desk, instructions: "Accounts for {full_name} ({team}), buddy {buddy}." }
`;
