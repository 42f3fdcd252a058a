import type { ExecutionContext } from 'ava';
import { staticTokenProvider } from '../../source/auth/token-provider.js';
import type { EmulatorOptions, RunningEmulator } from '../../source/emulator/server.js';
import { createGraphClient, type GraphClient, type PlannedRequest } from '../../source/graph/graph-client.js';
import { beforeFirstWrite, emulatorFor } from './emulator.js';

/** A Graph client on a fresh emulator, with the writes the emulator saw as "METHOD path". */
export async function clientFor(
	t: ExecutionContext,
	options: { emulator?: EmulatorOptions; dryRun?: boolean } = {},
): Promise<{
	client: GraphClient;
	emulator: RunningEmulator;
	writes: () => string[];
	planned: PlannedRequest[];
}> {
	const emulator = await emulatorFor(t, options.emulator);
	const planned: PlannedRequest[] = [];
	const client = createGraphClient({
		baseUrl: emulator.graphUrl,
		tokenProvider: staticTokenProvider('test-token'),
		userAgent: 'test',
		retry: { maxRetries: 0 },
		...(options.dryRun ? { dryRun: (request: PlannedRequest) => planned.push(request) } : {}),
	});
	const writes = () =>
		emulator.log
			.filter((entry) => entry.method !== 'GET')
			.map(
				(entry) => `${entry.method} ${decodeURIComponent(entry.path.replace(/^\/v1\.0/, '')).split('?')[0]}`,
			);
	return { client, emulator, writes, planned };
}

/** A client whose emulator runs `meanwhile` on the tenant just before the first write: another admin's change. */
export async function racingClient(
	t: ExecutionContext,
	meanwhile: Parameters<typeof beforeFirstWrite>[0],
	options: { emulator?: EmulatorOptions } = {},
) {
	const race = beforeFirstWrite(meanwhile);
	const fixture = await clientFor(t, { emulator: { ...options.emulator, ...race.options } });
	race.attach(fixture.emulator);
	return fixture;
}
