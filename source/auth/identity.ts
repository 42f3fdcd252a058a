/** Who is signed in, as `account()` and `signIn()` report it; read from the cache or the token, no network. */
export type SignedInIdentity =
	| {
			readonly kind: 'user';
			/** The sign-in name (UPN or preferred_username). */
			readonly username: string;
			readonly name?: string;
			readonly tenantId: string;
			readonly objectId: string;
			/** msal's account key (`uid.utid`); stable across processes. */
			readonly homeAccountId?: string;
	  }
	| { readonly kind: 'app'; readonly clientId: string; readonly tenantId: string };
