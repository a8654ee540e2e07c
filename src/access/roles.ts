/**
 * Roles of Tocsin's users. Not a ladder: a monitor files reports but does not read the event
 * store; a decision-maker acknowledges warnings. Each route names the roles it admits.
 */
export const ROLES = ['admin', 'analyst', 'reviewer', 'investigator', 'monitor', 'decision-maker', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route. `public` routes carry the reason they are public, so that every public
 * route is an explicit, reviewed choice (and the route-table test lists them).
 */
export type Access = { kind: 'public'; reason: string } | { kind: 'roles'; roles: readonly Role[] };

export const publicAccess = (reason: string): Access => ({ kind: 'public', reason });
export const rolesAccess = (...roles: Role[]): Access => ({ kind: 'roles', roles });

/** Every signed-in user, whatever the role. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Readers of the event store and analysis: everyone but field monitors (least privilege for devices in the field). */
export const READERS: readonly Role[] = ['admin', 'analyst', 'reviewer', 'investigator', 'decision-maker', 'viewer'];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** Whether a user with `role` may call a route with `access`. */
export const isAllowed = (access: Access, role: Role | null): boolean =>
  access.kind === 'public' || (role !== null && access.roles.includes(role));
