import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { build, type Metafile } from 'esbuild';
import { bundleOptions, entryPoints } from '../../scripts/bundle-options.mjs';
import { bundledPackages } from '../../scripts/third-party-notices.mjs';
import { removeFolder, repositoryRoot } from '../helpers/package.js';

// The notices file npm test's bundle step wrote, checked against what the bundle actually carries.
let metafile: Metafile;

test.before(async () => {
	const result = await build({
		...bundleOptions,
		entryPoints,
		outdir: join(tmpdir(), 'entra-flows-metafile'),
		write: false,
		metafile: true,
		absWorkingDir: repositoryRoot,
	});
	metafile = result.metafile;
});

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Package folders with a file in the bundle, found here independently of the generator. */
function bundledFolders(): string[] {
	const folders = new Set<string>();
	for (const input of Object.keys(metafile.inputs)) {
		const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
		if (match?.[1]) folders.add(match[1]);
	}
	return [...folders];
}

test('THIRD-PARTY-NOTICES names every package in the bundle with the licence text it ships', (t) => {
	const notices = readFileSync(join(repositoryRoot, 'THIRD-PARTY-NOTICES'), 'utf8');
	const flat = squeeze(notices);
	const folders = bundledFolders();
	t.true(folders.length > 50, `only ${folders.length} packages found in the metafile`);
	for (const folder of folders) {
		const path = join(repositoryRoot, folder);
		const { name, version } = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
		t.true(notices.includes(`\n${name} ${version} (`), `${name}@${version} is missing`);
		const licences = readdirSync(path).filter((file) => /^(licen[cs]e|copying)/i.test(file));
		for (const licence of licences) {
			const text = squeeze(readFileSync(join(path, licence), 'utf8'));
			t.true(flat.includes(text), `${name}@${version}: the text of ${licence} is missing`);
		}
		if (licences.length === 0) {
			const section = notices.slice(notices.indexOf(`\n${name} ${version} (`)).split(/\n={80}\n/)[0] ?? '';
			t.regex(section, /Copyright \(c\)/, `${name}@${version} has no copyright line`);
		}
	}
});

test('the bundle loads nothing from node_modules at run time: every import it leaves out is a Node built-in', (t) => {
	const external = Object.values(metafile.outputs)
		.flatMap((output) => output.imports)
		.filter((entry) => entry.external && !isBuiltin(entry.path))
		.map((entry) => entry.path);
	t.deepEqual([...new Set(external)], []);
});

test('the notices are not written for a bundled package that ships no licence text', async (t) => {
	const root = await mkdtemp(join(tmpdir(), 'entra-flows-notices-'));
	t.teardown(() => removeFolder(root));
	const folder = join(root, 'node_modules', 'unlicensed');
	await mkdir(folder, { recursive: true });
	await writeFile(join(folder, 'package.json'), '{"name":"unlicensed","version":"1.0.0","license":"ISC"}');
	await writeFile(join(folder, 'index.js'), 'export const x = 1;\n');
	const fake = { inputs: { 'node_modules/unlicensed/index.js': { bytes: 1, imports: [] } }, outputs: {} };
	await t.throwsAsync(bundledPackages(fake, root), { message: /unlicensed@1\.0\.0 .*ships no licence file/ });
});
