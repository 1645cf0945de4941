/** The holder-to-be's answer to a handover, in their direct message. */
export const assetActions = {
  accept: { label: "Accept", subcommand: "accept" },
  decline: { label: "Decline", subcommand: "decline" },
} as const;
export type AssetAction = keyof typeof assetActions;

const prefix = "asset.";

export function assetActionId(action: AssetAction): string {
  return `${prefix}${action}`;
}

export function assetActionFromId(id: string): AssetAction | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const action = id.slice(prefix.length);
  return Object.hasOwn(assetActions, action) ? (action as AssetAction) : undefined;
}
