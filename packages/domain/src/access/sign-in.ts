/**
 * What failed sign-ins are counted against: one client guessing one account ("pair"),
 * one account guessed from many addresses ("account"), one address trying many
 * usernames ("address", password spraying). The database's CHECK holds this list.
 */
export const SIGN_IN_FAILURE_SCOPES = ["pair", "account", "address"] as const;
export type SignInFailureScope = (typeof SIGN_IN_FAILURE_SCOPES)[number];
