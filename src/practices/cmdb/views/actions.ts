/** The CMDB's buttons: the owner group's answer to a relationship waiting for it. */
export const cmdbActions = {
  confirm: { label: "Confirm", subcommand: "confirm" },
  reject: { label: "Reject", subcommand: "reject" },
} as const;
export type CmdbAction = keyof typeof cmdbActions;

const prefix = "cmdb.";

export function cmdbActionId(action: CmdbAction): string {
  return `${prefix}${action}`;
}

export function cmdbActionFromId(id: string): CmdbAction | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const action = id.slice(prefix.length);
  return Object.hasOwn(cmdbActions, action) ? (action as CmdbAction) : undefined;
}
