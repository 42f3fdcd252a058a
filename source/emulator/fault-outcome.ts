import type { FaultRule } from './fault-spec.js';

/** How the server must answer a request that a fault fired on. */
export type FaultOutcome =
	/** Answer with a Graph error body; `applyFirst` runs the request first and discards its answer (F-S3). */
	| {
			type: 'error';
			status: number;
			code: string;
			message: string;
			headers: Record<string, string>;
			applyFirst: boolean;
	  }
	/** Answer with a malformed body; `applyFirst` (2xx statuses) runs the request and mangles its body. */
	| { type: 'malformed'; status: number; kind: 'html' | 'truncated' | 'empty'; applyFirst: boolean }
	| { type: 'hang' }
	/** Drop the connection; `applyFirst` runs the request first (the client never hears it worked). */
	| { type: 'drop'; applyFirst: boolean };

const wwwAuthenticate =
	'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
// A CAE claims challenge as Graph sends it (base64 JSON, no commas: Kiota's parser relies on that).
const claims = Buffer.from('{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}').toString(
	'base64',
);

const serverErrors: Record<number, { code: string; message: string }> = {
	500: { code: 'generalException', message: 'An unexpected error occurred while processing the request.' },
	502: { code: 'UnknownError', message: 'Bad gateway: the upstream service returned an invalid response.' },
	507: { code: 'quotaLimitReached', message: 'Insufficient storage: the tenant has reached its quota.' },
};

function throttle(headers: Record<string, string>): FaultOutcome {
	return {
		type: 'error',
		status: 429,
		code: 'TooManyRequests',
		message: 'Too many requests are being made. Please retry after the time given in Retry-After.',
		headers,
		applyFirst: false,
	};
}

function error(
	status: number,
	code: string,
	message: string,
	headers: Record<string, string> = {},
): FaultOutcome {
	return { type: 'error', status, code, message, headers, applyFirst: false };
}

/** Maps a fired rule to the answer it produces; `now` makes F-T2 dates testable. */
export function faultOutcome(rule: FaultRule, now = Date.now()): FaultOutcome {
	switch (rule.id) {
		case 'F-T1':
		case 'F-T4':
			return throttle({ 'Retry-After': String(rule.retryAfter ?? 5) });
		case 'F-T2':
			return throttle({ 'Retry-After': new Date(now + (rule.dateOffset ?? 5) * 1000).toUTCString() });
		case 'F-T3':
			return throttle({});
		case 'F-S1':
		case 'F-S2': {
			const headers: Record<string, string> =
				rule.id === 'F-S1' ? { 'Retry-After': String(rule.retryAfter ?? 5) } : {};
			return error(
				503,
				'serviceNotAvailable',
				'The service is temporarily unavailable. Please retry later.',
				headers,
			);
		}
		case 'F-S3':
			return {
				type: 'error',
				status: 504,
				code: 'GatewayTimeout',
				message: 'The gateway did not receive a timely response from the upstream service.',
				headers: {},
				applyFirst: true,
			};
		case 'F-S4': {
			const status = rule.status ?? 500;
			const known = serverErrors[status] ?? serverErrors[500]!;
			return error(status, known.code, known.message);
		}
		case 'F-L1':
		case 'F-C1':
			// Latency and read lag never change this answer; the injector reports them separately.
			throw new Error(`${rule.id} has no outcome of its own`);
		case 'F-L2':
			return { type: 'hang' };
		case 'F-N1':
			return { type: 'drop', applyFirst: rule.when === 'after' };
		case 'F-B0': {
			const status = rule.status ?? 500;
			return {
				type: 'malformed',
				status,
				kind: rule.kind ?? 'html',
				applyFirst: status >= 200 && status < 300,
			};
		}
		case 'F-A1':
			return error(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', {
				'WWW-Authenticate': wwwAuthenticate,
			});
		case 'F-A2':
			return error(
				401,
				'InvalidAuthenticationToken',
				'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp',
				{
					'WWW-Authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${claims}"`,
				},
			);
		case 'F-A3':
			return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
	}
}

/** The default WWW-Authenticate value for 401 answers. */
export const bearerChallenge = wwwAuthenticate;

/** A malformed body of the given kind; `original` is the real JSON when the request was applied. */
export function malformedBody(
	kind: 'html' | 'truncated' | 'empty',
	status: number,
	original: string | null,
): { contentType: string | null; text: string } {
	if (kind === 'empty') return { contentType: null, text: '' };
	if (kind === 'html') {
		return {
			contentType: 'text/html; charset=utf-8',
			text: `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status} - Gateway error</h1><p>The service could not be reached.</p></body></html>`,
		};
	}
	const json = original ?? '{"error":{"code":"generalException","message":"An unexpected error occurred."}}';
	return { contentType: 'application/json', text: json.slice(0, Math.max(1, Math.floor(json.length / 2))) };
}
