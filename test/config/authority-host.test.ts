import test from 'ava';
import { resolveConfig } from '../../source/config/config.js';
import { createGraphClient } from '../../source/graph/graph-client.js';

const home = '/nonexistent-home-for-tests';

function warningsFor(flags: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
	const warnings: string[] = [];
	const config = resolveConfig(flags, env, { home, warn: (text) => warnings.push(text) });
	return { config, warnings };
}

test('--authority-host elsewhere without --graph-url says once where Graph still goes and how to move it', (t) => {
	const { config, warnings } = warningsFor({ 'authority-host': 'https://127.0.0.1:8443' });
	t.is(config.graphUrl, 'https://graph.microsoft.com/v1.0');
	t.deepEqual(warnings, [
		"Signing in at https://127.0.0.1:8443, but Graph requests still go to https://graph.microsoft.com/v1.0 (the global cloud's); give --graph-url (or ENTRA_FLOWS_GRAPH_URL) to send them elsewhere.",
	]);
	t.deepEqual(warningsFor({}, { AZURE_AUTHORITY_HOST: 'https://sts.contoso.test' }).warnings.length, 1);
});

test('no warning when Graph was chosen, or the sign-in host is Microsoft', (t) => {
	t.deepEqual(
		warningsFor({ 'authority-host': 'https://127.0.0.1:8443', 'graph-url': 'https://127.0.0.1:8443/v1.0' })
			.warnings,
		[],
	);
	for (const host of [
		'https://login.microsoftonline.com',
		'https://contoso.ciamlogin.com',
		'login.microsoftonline.us',
	]) {
		t.deepEqual(warningsFor({ 'authority-host': host }).warnings, [], host);
	}
});

test('an unresolvable Graph host fails at once, naming it, without the back-off retries', async (t) => {
	const retries: number[] = [];
	const client = createGraphClient({
		baseUrl: 'https://graph.nonexistent.invalid/v1.0',
		tokenProvider: { getToken: async () => 'token' },
		userAgent: 'entra-flows/test',
		onRetry: (notice) => retries.push(notice.delayMs),
	});
	const error = await t.throwsAsync(client.request('GET', '/identity/identityProviders'));
	t.regex(error?.message ?? '', /The host name graph\.nonexistent\.invalid could not be resolved/);
	// ENOTFOUND is not retried; EAI_AGAIN (no DNS answer at all) gets one quick retry at most.
	t.true(retries.length <= 1 && retries.every((ms) => ms <= 1000), String(retries));
});
