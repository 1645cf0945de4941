/** A person as tickets and timelines name them. */
export interface PersonRef {
  id: string;
  displayName: string;
}

export const roles = ["agent", "cab", "admin"] as const;
export type Role = (typeof roles)[number];

export const platforms = ["slack", "discord", "console"] as const;
export type Platform = (typeof platforms)[number];

/** The person doing something, with the roles their groups give them (from opsdesk.yaml). */
export interface Actor {
  person: PersonRef;
  roles: ReadonlySet<Role>;
}

/** Admins can do everything agents can: they run the desk. */
export function isAgent(actor: Actor): boolean {
  return actor.roles.has("agent") || actor.roles.has("admin");
}
