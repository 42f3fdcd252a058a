/** Options for one token request. */
export type GetTokenOptions = {
	/** Skip any cached token and ask the identity service again (after a 401). */
	readonly forceRefresh?: boolean;
	/** Claims challenge from a 401 `WWW-Authenticate` header (continuous access evaluation), base64 JSON. */
	readonly claims?: string;
	/** Cancels a pending sign-in. */
	readonly signal?: AbortSignal;
};

/** Supplies bearer tokens for Microsoft Graph; the only thing graph/ knows about sign-in. */
export type TokenProvider = {
	/** Resolves to an access token for Graph; rejects with an AuthError when sign-in is impossible. */
	getToken(options?: GetTokenOptions): Promise<string>;
};

/** A provider for a token supplied from outside (flag, environment, pipeline); it cannot refresh. */
export function staticTokenProvider(token: string): TokenProvider {
	return { getToken: async () => token };
}
