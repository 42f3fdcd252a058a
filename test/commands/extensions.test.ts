import test from 'ava';
import { fakeJwt, readWriteScopes } from '../graph/fake-jwt.js';
import { json, runCommand } from '../helpers/cli.js';
import { emulatorFor, seed } from '../helpers/emulator.js';

// `extensions …`: the tenant's custom authentication extensions, against the emulator.

const prefill = 'c4a2e6f0-5b1d-4c8e-9a3f-1e7d2b6c8a01';
const check = '7d3b9e21-0c6a-4f5e-8b2d-3a9c1f4e6b02';
const writes = <T extends { method: string }>(log: readonly T[]) =>
	log.filter((entry) => entry.method !== 'GET');
const run = (
	emulator: { graphUrl: string },
	argv: readonly string[],
	options?: Parameters<typeof runCommand>[2],
) => runCommand(emulator.graphUrl, ['extensions', ...argv], options);

const tokenIssuance = {
	id: '0b8a7c6d-1e2f-4a3b-9c8d-7e6f5a4b3c21',
	kind: 'onTokenIssuanceStartCustomExtension',
	displayName: 'Add loyalty claims',
	description: null,
	targetUrl: 'https://claims.contoso.com/api',
	resourceId: `api://claims.contoso.com/${seed.apps.loyaltyApi}`,
	clientConfiguration: null,
	behaviorOnError: null,
	claimsForTokenConfiguration: [{ claimIdInApiResponse: 'tier' }],
};

test('list shows every kind, the ones flows do not run marked read-only; show names the flows that run one', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.tenant.extensions.push({ ...tokenIssuance });
	const listed = await run(emulator, ['list']);
	t.is(listed.code, 0, listed.stderr);
	t.regex(listed.stdout, /Prefill sign-up details\s+attribute collection start\s/);
	t.regex(listed.stdout, /Check sign-up details\s+attribute collection submit\s/);
	t.regex(listed.stdout, /Add loyalty claims\s+token issuance start \(read-only\)/);
	const shown = await run(emulator, ['show', 'check sign-up details']);
	t.is(shown.code, 0, shown.stderr);
	t.regex(shown.stdout, /Used by\s+"Contoso customers sign-up and sign-in" \(submit\)/);
	t.regex(shown.stdout, /Timeout\s+2000 ms/);
	const asJson = json<{ id: string; usedBy: unknown[] }>(await run(emulator, ['show', prefill, '--json']));
	t.is(asJson.id, prefill);
	t.deepEqual(asJson.usedBy, [
		{ flow: { id: seed.flows.customers.id, displayName: seed.flows.customers.name }, events: ['start'] },
	]);
	const missing = await run(emulator, ['show', 'Check signup details']);
	t.is(missing.code, 1);
	t.regex(missing.stderr, /Did you mean "Check sign-up details"/);
});

test('create checks the documented limits before sending, then creates the extension as documented', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.clearLog();
	const bad = await run(emulator, [
		'create',
		'--event',
		'submit',
		'--name',
		'Loyalty',
		'--url',
		'http://loyalty.contoso.com/check',
		'--resource',
		'loyalty.contoso.com',
		'--timeout',
		'5000',
		'--retries',
		'3',
	]);
	t.is(bad.code, 2);
	t.regex(bad.stderr, /must use https/);
	t.regex(bad.stderr, /not of the form api:\/\/\{host of the target URL\}/);
	t.regex(bad.stderr, /from 200 to 2000, not 5000/);
	t.regex(bad.stderr, /Retries must be 0 or 1, not 3/);
	const noEvent = await run(emulator, ['create', '--name', 'x']);
	t.is(noEvent.code, 2);
	t.regex(noEvent.stderr, /needs --event start or --event submit/);
	t.deepEqual(writes(emulator.log), []);
	const created = await run(emulator, [
		'create',
		'--event',
		'submit',
		'--name',
		'Loyalty check',
		'--url',
		'https://loyalty.contoso.com/check',
		'--resource',
		`api://api.contoso.com/${seed.apps.loyaltyApi}`,
		'--timeout',
		'1500',
		'--retries',
		'1',
	]);
	t.is(created.code, 0, created.stderr);
	t.regex(
		created.stderr,
		/warning: The resource id names api\.contoso\.com but the target URL is on loyalty\.contoso\.com/,
	);
	t.regex(created.stdout, /Created submit extension "Loyalty check"/);
	const stored = emulator.tenant.extensions.find((extension) => extension.displayName === 'Loyalty check');
	t.like(stored, {
		kind: 'onAttributeCollectionSubmitCustomExtension',
		targetUrl: 'https://loyalty.contoso.com/check',
		clientConfiguration: { timeoutInMilliseconds: 1500, maximumRetries: 1 },
	});
	t.like(writes(emulator.log)[0]?.body, {
		'@odata.type': '#microsoft.graph.onAttributeCollectionSubmitCustomExtension',
		endpointConfiguration: { '@odata.type': '#microsoft.graph.httpRequestEndpoint' },
		authenticationConfiguration: { '@odata.type': '#microsoft.graph.azureAdTokenAuthentication' },
	});
});

test('update keeps the retries when only the timeout changes; the same again is nothing; other kinds are read-only', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.tenant.extensions.push({ ...tokenIssuance });
	const updated = await run(emulator, ['update', 'Prefill sign-up details', '--timeout', '800']);
	t.is(updated.code, 0, updated.stderr);
	t.deepEqual(emulator.tenant.findExtension(prefill)?.clientConfiguration, {
		timeoutInMilliseconds: 800,
		maximumRetries: 1,
	});
	emulator.clearLog();
	const again = await run(emulator, ['update', prefill, '--timeout', '800']);
	t.regex(again.stdout, /already has those settings; nothing to do/);
	const readOnly = await run(emulator, ['update', 'Add loyalty claims', '--name', 'Claims']);
	t.is(readOnly.code, 1);
	t.regex(
		readOnly.stderr,
		/onTokenIssuanceStartCustomExtension extension; entra-flows shows those but changes only/,
	);
	const nothing = await run(emulator, ['update', prefill]);
	t.is(nothing.code, 2);
	t.deepEqual(writes(emulator.log), []);
});

test('delete refuses an extension a flow runs, naming the flow, before asking; an unused one is deleted', async (t) => {
	const emulator = await emulatorFor(t);
	emulator.clearLog();
	const inUse = await run(emulator, ['delete', check, '--yes']);
	t.is(inUse.code, 1);
	t.regex(
		inUse.stderr,
		/still run by 1 user flow\(s\): "Contoso customers sign-up and sign-in"\. Nothing was deleted/,
	);
	t.regex(inUse.stderr, new RegExp(`flows extensions clear ${seed.flows.customers.id} start\\|submit`));
	t.deepEqual(writes(emulator.log), []);
	emulator.tenant.findFlow(seed.flows.customers.id)!.onAttributeCollectionSubmit = null;
	const gone = await run(emulator, ['delete', 'Check sign-up details'], {
		answers: ['Check sign-up details'],
	});
	t.is(gone.code, 0, gone.stderr);
	t.regex(gone.stdout, /Deleted extension "Check sign-up details"/);
	t.is(emulator.tenant.findExtension(check), undefined);
});

test('validate: a 200 with errors fails (exit 1), each finding with its code; a valid one passes', async (t) => {
	const emulator = await emulatorFor(t);
	const valid = await run(emulator, ['validate', prefill]);
	t.is(valid.code, 0, valid.stderr + valid.stdout);
	t.regex(valid.stdout, /"Prefill sign-up details": valid/);
	const draft = await run(emulator, [
		'validate',
		'--url',
		'https://loyalty.contoso.com/check',
		'--resource',
		`api://api.contoso.com/${seed.apps.loyaltyApi}`,
	]);
	t.is(draft.code, 1);
	t.regex(draft.stdout, /^error DomainNameDoesNotMatch: /m);
	t.regex(draft.stdout, /validation failed \(1 error\(s\)/);
	t.regex(draft.stderr, /failed validation: DomainNameDoesNotMatch/);
	const asJson = await run(emulator, [
		'validate',
		'--url',
		'https://a.contoso.com/x',
		'--resource',
		'api://a.contoso.com/nope',
		'--json',
	]);
	t.is(asJson.code, 1);
	t.like(json<{ failed: boolean }>(asJson), { failed: true });
	const both = await run(emulator, ['validate', prefill, '--url', 'https://x.test']);
	t.is(both.code, 2);
});

test('the preflight names CustomAuthenticationExtension.ReadWrite.All before anything is sent', async (t) => {
	const emulator = await emulatorFor(t);
	const token = fakeJwt({ scp: `${readWriteScopes} CustomAuthenticationExtension.Read.All` });
	emulator.clearLog();
	const denied = await run(emulator, ['update', prefill, '--name', 'Renamed'], { token });
	t.is(denied.code, 1);
	t.regex(denied.stderr, /needs CustomAuthenticationExtension\.ReadWrite\.All/);
	t.deepEqual(writes(emulator.log), []);
	const reading = await run(emulator, ['list'], { token: fakeJwt({ scp: readWriteScopes }) });
	t.is(reading.code, 1);
	t.regex(reading.stderr, /CustomAuthenticationExtension\.Read\.All/);
});

test('create with its answer lost: created once, reported done with the note; delete with a 504 after it applied: deleted', async (t) => {
	const emulator = await emulatorFor(t, {
		faults: 'F-N1:when=after:method=POST:path=customAuthenticationExtensions:times=1',
	});
	const created = await run(emulator, [
		'create',
		'--event',
		'start',
		'--name',
		'Lost answer',
		'--url',
		'https://api.contoso.com/start',
		'--resource',
		`api://api.contoso.com/${seed.apps.loyaltyApi}`,
	]);
	t.is(created.code, 0, created.stderr);
	t.regex(
		created.stderr,
		/answer from Microsoft Graph was lost on the way; reading back shows the change was made/,
	);
	t.regex(created.stdout, /Created start extension "Lost answer" \([0-9a-f-]{36}\)/);
	t.is(emulator.tenant.extensions.filter((extension) => extension.displayName === 'Lost answer').length, 1);
	const id = emulator.tenant.extensions.find((extension) => extension.displayName === 'Lost answer')!.id;
	emulator.setFaults(`F-S3:method=DELETE:path=${id}:times=1`);
	const deleted = await run(emulator, ['delete', id, '--yes']);
	t.is(deleted.code, 0, deleted.stderr);
	t.regex(deleted.stdout, /Deleted extension "Lost answer"/);
	t.is(emulator.tenant.findExtension(id), undefined);
});
