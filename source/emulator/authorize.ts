/** What a route needs from the caller's token: its least-privileged permission, and whether it writes. */
export type Need = { permission: string; write: boolean };

/** An authorize hook's verdict. */
export type AuthorizeResult = { ok: true } | { ok: false; status: number; code: string; message: string };

/** Decides whether a request may proceed; replaces the default bearer check when given as an option. */
export type Authorize = (authorization: string | undefined, need: Need) => AuthorizeResult;

/** Default: any non-empty bearer token passes (real token checks plug in through the option). */
export const defaultAuthorize: Authorize = (authorization) => {
	const value = authorization?.trim() ?? '';
	if (/^Bearer\s+\S/i.test(value)) return { ok: true };
	const otherScheme = /^\S+\s+\S/.test(value) && !/^Bearer\s/i.test(value);
	return {
		ok: false,
		status: 401,
		code: 'InvalidAuthenticationToken',
		message: otherScheme ? 'The Authorization header must use the Bearer scheme.' : 'Access token is empty.',
	};
};
