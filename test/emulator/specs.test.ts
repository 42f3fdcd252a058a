import test from 'ava';
import { FaultInjector } from '../../source/emulator/fault-injector.js';
import { faultOutcome } from '../../source/emulator/fault-outcome.js';
import { parseFaultRule, parseFaultSpec } from '../../source/emulator/fault-spec.js';
import { defaultQuirks, parseQuirks, resolveQuirks } from '../../source/emulator/quirks.js';

// The fault spec parser, injector and outcomes.
test('parses rules, options, defaults and the seed', (t) => {
	const spec = parseFaultSpec(
		' seed=42 , F-T1:retry-after=2.128:times=2:method=GET|POST, F-L1:min=10:max=20:rate=0.5, F-S4:status=507:path=/applications, F-A1 ',
	);
	t.is(spec.seed, 42);
	t.like(spec.rules[0], { id: 'F-T1', retryAfter: 2.128, times: 2, methods: ['GET', 'POST'] });
	t.like(spec.rules[1], { id: 'F-L1', min: 10, max: 20, rate: 0.5 });
	t.like(spec.rules[2], { id: 'F-S4', status: 507, path: '/applications' });
	t.like(spec.rules[3], { id: 'F-A1', times: 1 });
	t.like(parseFaultRule('f-t4'), { id: 'F-T4', retryAfter: 300 });
	t.like(parseFaultRule('F-T1;retry-after=2'), { retryAfter: 2 });
	t.like(parseFaultRule('F-B0:kind=truncated:status=200'), { kind: 'truncated', status: 200 });
	t.deepEqual(parseFaultSpec(''), { seed: 1, rules: [] });
});

const invalid: Array<[string, RegExp]> = [
	['F-X9', /rule 1 'F-X9': unknown fault id 'F-X9'/],
	['F-T1:colour=red', /rule 1 'F-T1:colour=red': unknown option 'colour' for F-T1/],
	[
		'F-T3,F-T1:retry-after=soon',
		/rule 2 'F-T1:retry-after=soon': option 'retry-after' must be a number, got 'soon'/,
	],
	['F-T1:times=0', /option 'times' must be a positive integer, got '0'/],
	['F-T1:nth=1.5', /option 'nth' must be a positive integer/],
	['F-T1:rate=1.5', /option 'rate' must be a probability between 0 and 1/],
	['F-T1:method=FETCH', /option 'method' must be GET, POST/],
	['F-S4:status=503', /option 'status' must be 500, 502 or 507/],
	['F-B0:kind=xml', /option 'kind' must be html, truncated or empty/],
	['F-B0:status=204', /option 'status' must be a status that carries a body/],
	['F-C1:reads=0', /option 'reads' must be a positive integer/],
	['F-C1:ms=soon', /option 'ms' must be a positive integer of milliseconds/],
	['F-L1:min=50:max=10', /min \(50\) is greater than max \(10\)/],
	['F-T1:retry-after', /option 'retry-after' is not key=value/],
	['F-T1:times=1:times=2', /option 'times' given twice/],
	['F-T1,,F-T3', /rule 2 is empty/],
	['seed=abc', /seed must be a non-negative integer/],
	['F-T2:retry-after=3', /unknown option 'retry-after' for F-T2/],
];

for (const [spec, message] of invalid) {
	test(`rejects ${spec}`, (t) => {
		t.throws(() => parseFaultSpec(spec), { message });
	});
}

test('times, nth, method and path decide which requests match', (t) => {
	const injector = new FaultInjector('F-T1:times=2:method=GET,F-S2:nth=2:path=/identity/userFlow');
	const fired = [
		injector.pick('GET', '/identity/authenticationEventsFlows').label,
		injector.pick('POST', '/identity/userFlowAttributes').label,
		injector.pick('GET', '/identity/userFlowAttributes').label,
		injector.pick('GET', '/identity/userFlowAttributes').label,
		injector.pick('GET', '/identity/userFlowAttributes').label,
	];
	t.deepEqual(fired, ['F-T1', null, 'F-T1', 'F-S2', null]);
});

test('rate and latency draws repeat under the same seed and differ under another', (t) => {
	const draws = (spec: string) => {
		const injector = new FaultInjector(spec);
		return Array.from({ length: 40 }, () => {
			const pick = injector.pick('GET', '/x');
			return `${pick.label}:${pick.latencyMs}`;
		}).join(',');
	};
	const spec = 'seed=7,F-L1:min=0:max=100:rate=0.5,F-T3:rate=0.3';
	t.is(draws(spec), draws(spec));
	t.not(draws(spec), draws(spec.replace('seed=7', 'seed=8')));
	t.true(draws(spec).includes('F-L1+F-T3'));
});

test('outcomes carry the documented statuses, codes and headers', (t) => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 0);
	t.like(faultOutcome(parseFaultRule('F-T1:retry-after=2.5')), {
		status: 429,
		code: 'TooManyRequests',
		headers: { 'Retry-After': '2.5' },
	});
	t.like(faultOutcome(parseFaultRule('F-T2:date-offset=-30'), now), {
		headers: { 'Retry-After': 'Thu, 01 Jan 2026 11:59:30 GMT' },
	});
	const noHeader = faultOutcome(parseFaultRule('F-T3'));
	t.like(noHeader, { status: 429, code: 'TooManyRequests', headers: {} });
	t.false(noHeader.type === 'error' && 'Retry-After' in noHeader.headers);
	t.like(faultOutcome(parseFaultRule('F-S1')), {
		status: 503,
		code: 'serviceNotAvailable',
		headers: { 'Retry-After': '5' },
	});
	t.like(faultOutcome(parseFaultRule('F-S3')), { status: 504, applyFirst: true });
	t.like(faultOutcome(parseFaultRule('F-S4:status=502')), { status: 502 });
	t.like(faultOutcome(parseFaultRule('F-A3')), { status: 403, code: 'Authorization_RequestDenied' });
	t.like(faultOutcome(parseFaultRule('F-A2')), { status: 401 });
	t.like(faultOutcome(parseFaultRule('F-B0:status=200:kind=empty')), { type: 'malformed', applyFirst: true });
});

// The quirk parser.
test('parses the documented quirk spec', (t) => {
	t.deepEqual(
		parseQuirks(
			'get-wrapped=false,duplicate-status=409,delete-with-apps=unlink,remove-attribute-keeps-input=true,provider-ref=canonical-only',
		),
		{
			getWrapped: false,
			duplicateStatus: 409,
			deleteWithApps: 'unlink',
			removeAttributeKeepsInput: true,
			providerRef: 'canonical-only',
		},
	);
	t.deepEqual(parseQuirks(' beta-patch-inputs=allow , empty-attributes=empty,content-type=optional '), {
		betaPatchInputs: 'allow',
		emptyAttributes: 'empty',
		contentType: 'optional',
	});
});

test('defaults are the safe readings', (t) => {
	t.deepEqual(resolveQuirks(undefined), {
		getWrapped: true,
		duplicateStatus: 400,
		deleteWithApps: 'refuse',
		removeAttributeKeepsInput: false,
		providerRef: 'lenient',
		betaPatchInputs: 'refuse',
		emptyAttributes: '400',
		contentType: 'required',
		deleteAttributeInUse: 'refuse',
		messages: 'generic',
		extensionClear: 'unsupported-405',
		extensionRefUnset: 'allow',
		extensionTypeCheck: 'refuse',
		deleteExtensionInUse: 'refuse',
		extensionActionCase: 'exact',
		extensionDefaultRetries: 0,
		emptyOptions: 'refuse',
		deleteProviderInUse: 'refuse',
	});
	t.deepEqual(resolveQuirks(''), defaultQuirks);
	t.is(resolveQuirks({ duplicateStatus: 409 }).duplicateStatus, 409);
});

test('bad quirks name the problem', (t) => {
	t.throws(() => parseQuirks('colour=blue'), { message: /Unknown quirk 'colour'/ });
	t.throws(() => parseQuirks('get-wrapped'), { message: /expected key=value/ });
	t.throws(() => parseQuirks('duplicate-status=418'), {
		message: /Invalid value '418' for quirk 'duplicate-status' \(allowed: 400, 409\)/,
	});
	t.throws(() => resolveQuirks({ getWrapped: 'no' as unknown as boolean }), { message: /getWrapped/ });
});
