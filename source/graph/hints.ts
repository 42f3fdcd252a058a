import type { TokenClaims } from '../auth/claims.js';
import type { GraphErrorKind } from './graph-error.js';
import { forbiddenAdvice } from './permissions.js';

type HintInput = {
	readonly kind: GraphErrorKind;
	readonly status: number;
	readonly code: string;
	readonly method: string;
	readonly path: string;
	readonly permission?: string;
	/** Claims of the token the request carried, so a 403 can say what it lacked. */
	readonly claims?: TokenClaims;
	/** The service's Retry-After, when it asked for a wait longer than the client will sit through. */
	readonly retryAfterSeconds?: number;
	/** Whether a failed write took effect anyway (GraphError.applied). */
	readonly applied?: 'yes' | 'unknown';
};

const readBack = 'Read it back (e.g. `entra-flows flows get <flow>`) before running it again.';

/** Plain-words advice, in our words rather than the service's message, on how to fix a failed call; or undefined. */
export function hintFor(input: HintInput): string | undefined {
	// A write whose answer was lost: what to do next is the same whatever broke.
	if (input.applied === 'yes' && input.kind !== 'unavailable')
		return `Microsoft Graph made the change, but its answer was lost on the way. ${readBack}`;
	if (input.applied === 'unknown' && input.kind !== 'unavailable')
		return `The connection was lost after the request was sent, so the change may or may not have been made. ${readBack}`;
	switch (input.kind) {
		case 'unauthenticated':
			return 'The sign-in is missing or expired. Run `entra-flows login` (or pass a fresh --access-token).';
		case 'forbidden':
			if (input.code === 'insufficient_claims') {
				return 'Your organisation requires extra verification (Conditional Access). Sign in again with `entra-flows login`.';
			}
			if (input.permission) {
				const advice = forbiddenAdvice(input.permission, input.claims);
				if (advice) return advice;
			}
			return input.permission
				? `This needs the ${input.permission} permission (admin consent), and in delegated mode the External ID User Flow Administrator role. Sign in with a token that has it; if you signed in with --read-only, run \`entra-flows login\` without it.`
				: 'Your sign-in lacks a permission this operation needs; ask an administrator to grant and consent it.';
		case 'notFound':
			return 'Check the id: list what exists with `entra-flows flows list` (or the matching list command).';
		case 'throttled':
			return input.retryAfterSeconds
				? `Microsoft Graph is throttling this tenant; try again in about ${input.retryAfterSeconds} s.`
				: 'Microsoft Graph is throttling this tenant; wait a little and try again.';
		case 'unavailable':
			// A write that timed out at the gateway may still have been applied: a blind retry could repeat it.
			return input.status === 504 && input.method !== 'GET'
				? "The request timed out at Microsoft's side, so the change may or may not have been made. Read it back (e.g. `entra-flows flows get <flow>`) before running it again."
				: 'Microsoft Graph is temporarily unavailable; try again shortly.';
		case 'server':
			return 'Microsoft Graph hit an internal error. Try again; if it keeps happening, share the request ids with support.';
		case 'network':
			if (input.code.startsWith('PROXY_'))
				return 'Check HTTPS_PROXY (its host, port and any user:password in it), or list the Graph host in NO_PROXY.';
			if (input.code === 'ENOTFOUND' || input.code === 'EAI_AGAIN')
				return "Check the host in --graph-url (or --cloud), the network and DNS. Without --graph-url, Graph is the cloud's own (graph.microsoft.com for global), whatever --authority-host says.";
			if (input.code === 'ERR_TLS_CERT_ALTNAME_INVALID')
				return 'The certificate is trusted but names other hosts: check the host in --graph-url (use a name the certificate lists), or what answers at that address (a proxy or a wrong DNS entry). Trusting another CA does not fix this.';
			return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|LEAF_SIGNATURE/.test(input.code)
				? 'Trust the certificate authority with NODE_EXTRA_CA_CERTS or --ca-file (for the emulator: the caFile it prints).'
				: 'Check the network, proxy settings (HTTPS_PROXY / NO_PROXY) and --graph-url.';
		case 'protocol':
			return input.code === 'MalformedResponse'
				? 'The answer was cut off or garbled on the way, or not in the shape Microsoft Graph documents (a proxy, a network fault or a change at the service). Try again; if it keeps happening, share the ids below.'
				: undefined;
		case 'timeout':
			return 'The service did not answer in time; check the network and try again.';
		case 'conflict':
			return 'Someone else changed this at the same time. Reload and try again.';
		default:
			return undefined;
	}
}
