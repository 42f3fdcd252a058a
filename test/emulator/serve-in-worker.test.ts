import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { emulatorWorkers, serveInWorker } from '../../source/emulator/serve-in-worker.js';

const events = '5730a1a1-35ee-44b7-bcb7-9edad350c494';

const call = (info: { graphUrl: string }, method = 'GET', id = '') =>
	fetch(`${info.graphUrl}/identity/authenticationEventsFlows${id ? `/${id}` : ''}`, {
		method,
		headers: { authorization: 'Bearer any' },
	});

const flowCount = async (info: { graphUrl: string }) =>
	((await (await call(info)).json()) as { value: unknown[] }).value.length;

test.serial(
	'an emulator in a worker thread serves over loopback, keeps its state file and ends with close',
	async (t) => {
		const statePath = join(await mkdtemp(join(tmpdir(), 'entra-flows-worker-')), 'tenant.json');
		const served = await serveInWorker({ port: 0, http: true, statePath });
		t.teardown(() => served.close());
		t.is(emulatorWorkers(), 1);
		t.regex(served.info.graphUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
		t.is(await flowCount(served.info), 4);
		t.is((await call(served.info, 'DELETE', events)).status, 204);
		await served.close();
		t.is(emulatorWorkers(), 0);
		await t.throwsAsync(() => call(served.info), { message: /fetch failed/ });
		// A new thread on the same state file starts where the last one ended.
		const again = await serveInWorker({ port: 0, http: true, statePath });
		t.teardown(() => again.close());
		t.is(await flowCount(again.info), 3);
	},
);

test('a start that fails says why, and leaves no thread behind', async (t) => {
	const dir = await mkdtemp(join(tmpdir(), 'entra-flows-worker-'));
	const statePath = join(dir, 'tenant.json');
	await writeFile(statePath, 'not json');
	const before = emulatorWorkers();
	await t.throwsAsync(() => serveInWorker({ port: 0, http: true, statePath }), {
		message: /state file .* is corrupt.*Delete it/,
	});
	t.is(emulatorWorkers(), before);
});
