import test from 'ava';
import { AuthError, type AuthErrorCode } from '../../source/auth/index.js';
import { type ErrorContext, toAuthError } from '../../source/auth/map-error.js';
import type { NetworkRecord } from '../../source/auth/network.js';
import { Redactor } from '../../source/auth/redact.js';

function context(record?: NetworkRecord, mode: ErrorContext['mode'] = 'device-code'): ErrorContext {
	return {
		mode,
		tenant: 'contoso.onmicrosoft.com',
		clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
		scopes: [
			'https://graph.microsoft.com/EventListener.ReadWrite.All',
			'https://graph.microsoft.com/Application.Read.All',
		],
		authorityHost: 'https://login.microsoftonline.com',
		certificateThumbprint: 'AB12',
		record: () => record,
		redactor: new Redactor(),
	};
}

const reply = (error: string, aadsts?: string, description?: string): NetworkRecord => ({
	kind: 'reply',
	host: 'login.microsoftonline.com',
	status: 400,
	error,
	...(aadsts ? { aadsts } : {}),
	...(description ? { description } : {}),
});

// msal-node's error shapes: plain objects stand in for its classes, which we never instanceof.
const cases: [
	string,
	Record<string, unknown>,
	NetworkRecord | undefined,
	AuthErrorCode,
	string | undefined,
][] = [
	[
		'flattened decline',
		{ errorCode: 'post_request_failed', errorMessage: 'authorization_declined' },
		undefined,
		'declined',
		undefined,
	],
	[
		'flattened expiry',
		{ errorCode: 'post_request_failed', errorMessage: 'expired_token' },
		undefined,
		'code-expired',
		undefined,
	],
	[
		'client-side expiry',
		{ errorCode: 'device_code_expired' },
		reply('authorization_pending', 'AADSTS70016'),
		'code-expired',
		undefined,
	],
	[
		'cancel',
		{ errorCode: 'device_code_polling_cancelled' },
		reply('authorization_pending', 'AADSTS70016'),
		'cancelled',
		undefined,
	],
	[
		'timeout',
		{ errorCode: 'user_timeout_reached' },
		reply('authorization_pending', 'AADSTS70016'),
		'timeout',
		undefined,
	],
	[
		'slow down',
		{ errorCode: 'post_request_failed', errorMessage: 'slow_down' },
		undefined,
		'slow-down',
		undefined,
	],
	[
		'consent via record',
		{ errorCode: 'post_request_failed', errorMessage: 'invalid_grant' },
		reply('invalid_grant', 'AADSTS65001'),
		'consent-required',
		'AADSTS65001',
	],
	[
		'CA via record',
		{ errorCode: 'post_request_failed', errorMessage: 'invalid_grant' },
		reply('invalid_grant', 'AADSTS53003'),
		'conditional-access',
		'AADSTS53003',
	],
	[
		'CA kin',
		{ errorCode: 'invalid_grant', errorNo: '53000' },
		undefined,
		'conditional-access',
		'AADSTS53000',
	],
	[
		'MFA enrolment',
		{ errorCode: 'interaction_required', errorMessage: 'AADSTS50079: Due to a configuration change…' },
		undefined,
		'mfa-required',
		'AADSTS50079',
	],
	[
		'guest missing',
		{ errorCode: 'invalid_grant', errorNo: 50020 },
		undefined,
		'wrong-account',
		'AADSTS50020',
	],
	[
		'refresh expired',
		{ errorCode: 'invalid_grant', errorNo: '700082' },
		undefined,
		'sign-in-again',
		'AADSTS700082',
	],
	['refresh invalid_grant', { errorCode: 'invalid_grant' }, undefined, 'sign-in-again', undefined],
	[
		'wrong secret',
		{ errorCode: 'invalid_client', errorNo: '7000215', status: 401 },
		undefined,
		'invalid-client-secret',
		'AADSTS7000215',
	],
	[
		'expired secret',
		{
			errorCode: 'invalid_client',
			errorMessage: 'AADSTS7000222: The provided client secret keys are expired.',
		},
		undefined,
		'invalid-client-secret',
		'AADSTS7000222',
	],
	[
		'certificate',
		{ errorCode: 'invalid_client', errorNo: '700027' },
		undefined,
		'certificate-rejected',
		'AADSTS700027',
	],
	['clock', { errorCode: 'invalid_client', errorNo: '700024' }, undefined, 'clock-skew', 'AADSTS700024'],
	['tenant', { errorCode: 'invalid_request', errorNo: '90002' }, undefined, 'unknown-tenant', 'AADSTS90002'],
	[
		'app',
		{ errorCode: 'post_request_failed', errorMessage: 'bad_verification_code' },
		reply('unauthorized_client', 'AADSTS700016'),
		'app-not-found',
		'AADSTS700016',
	],
	[
		'public client off',
		{ errorCode: 'post_request_failed' },
		reply('invalid_client', 'AADSTS7000218'),
		'public-client-disabled',
		'AADSTS7000218',
	],
	[
		'tls',
		{ errorCode: 'network_error' },
		{ kind: 'transport', host: 'h', code: 'SELF_SIGNED_CERT_IN_CHAIN', viaProxy: false },
		'untrusted-certificate',
		undefined,
	],
	[
		'proxy',
		{ errorCode: 'network_error' },
		{ kind: 'transport', host: 'h', code: 'PROXY_ECONNREFUSED', viaProxy: true },
		'proxy',
		undefined,
	],
	['discovery', { errorCode: 'endpoints_resolution_error' }, undefined, 'network', undefined],
	['tenant alias', { errorCode: 'missing_tenant_id_error' }, undefined, 'config', undefined],
];

for (const [name, error, record, code, aadsts] of cases) {
	test(`maps ${name} → ${code}`, (t) => {
		const mapped = toAuthError(
			error,
			context(record, name.includes('secret') ? 'client-secret' : 'device-code'),
		);
		t.true(mapped instanceof AuthError);
		t.is(mapped.code, code);
		t.is(mapped.aadsts, aadsts);
		if (aadsts) t.true(mapped.message.includes(aadsts), 'the raw code stays visible');
		t.true(mapped.hint.length > 10);
	});
}

test('consent names the permissions; invalid_client depends on the credential', (t) => {
	t.regex(
		toAuthError({ errorCode: 'invalid_grant', errorNo: '65001' }, context()).message,
		/EventListener\.ReadWrite\.All, Application\.Read\.All/,
	);
	t.is(
		toAuthError({ errorCode: 'invalid_client' }, context(undefined, 'client-secret')).code,
		'invalid-client-secret',
	);
	const certificate = toAuthError({ errorCode: 'invalid_client' }, context(undefined, 'client-certificate'));
	t.is(certificate.code, 'certificate-rejected');
	t.regex(certificate.hint, /thumbprint AB12/);
	t.is(toAuthError({ errorCode: 'invalid_client' }, context()).code, 'public-client-disabled');
});

test('unknown failures keep the server sentence, with secrets blanked', (t) => {
	const ctx = context(
		reply(
			'temporarily_unavailable',
			'AADSTS90000',
			'Server busy for eyJhbGciOi.eyJzdWIiOi.c2ln and refresh_token=abcdef123',
		),
	);
	ctx.redactor.add('hunter2-secret');
	const mapped = toAuthError({ errorCode: 'post_request_failed', errorMessage: 'hunter2-secret' }, ctx);
	t.is(mapped.code, 'unknown');
	t.regex(mapped.message, /temporarily_unavailable/);
	t.false(mapped.message.includes('eyJhbGciOi'));
	t.false(mapped.message.includes('abcdef123'));
	t.is(mapped.aadsts, 'AADSTS90000');
	t.false(
		toAuthError({ errorCode: 'post_request_failed', errorMessage: 'hunter2-secret' }, ctx).message.includes(
			'hunter2',
		),
	);
});

test('an AuthError passes through; the correlation id is kept', (t) => {
	const own = new AuthError('config', 'm', 'h');
	t.is(toAuthError(own, context()), own);
	t.is(toAuthError({ errorCode: 'invalid_grant', correlationId: 'c-1' }, context()).correlationId, 'c-1');
	t.false('cause' in toAuthError(new Error('x'), context()));
});
