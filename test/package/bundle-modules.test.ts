import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { runBuilt, spawnEmulator } from '../helpers/built-cli.js';

// Which of Node's own modules a built command loads, read from process.moduleLoadList as it exits.
async function builtinsLoadedBy(t: ExecutionContext, args: readonly string[], env: NodeJS.ProcessEnv) {
	const dir = await mkdtemp(join(tmpdir(), 'entra-flows-modules-'));
	t.teardown(() => rm(dir, { recursive: true, force: true }));
	const preload = join(dir, 'record-modules.cjs');
	const record = join(dir, 'modules.txt');
	await writeFile(
		preload,
		`process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, process.moduleLoadList.join('\\n')));`,
	);
	const run = await runBuilt(args, { ...env, NODE_OPTIONS: `--require ${JSON.stringify(preload)}` });
	return { run, modules: (await readFile(record, 'utf8')).split('\n') };
}

// From Node 22 an ESM import of node:http reads its lazy WebSocket export and so loads undici (the bundle
// takes node:http through require instead). On Node 20 there is no such export; CI runs this on 22 and 24 too.
test('a command that sends requests does not load undici, the fetch and WebSocket client it never uses', async (t) => {
	const { info } = await spawnEmulator(t);
	const { run, modules } = await builtinsLoadedBy(
		t,
		['flows', 'list', '--json', '--graph-url', info.graphUrl, '--ca-file', String(info.caFile)],
		{ ENTRA_FLOWS_ACCESS_TOKEN: String(info.accessToken) },
	);
	t.is(run.code, 0, run.stderr);
	t.true(modules.includes('NativeModule http'), 'the record is of a run that loaded node:http');
	t.true(modules.includes('NativeModule https'));
	t.false(
		modules.some((name) => name.includes('undici')),
		modules.filter((name) => name.includes('undici')).join(', '),
	);
});
