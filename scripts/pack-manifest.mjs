// `node scripts/pack-manifest.mjs strip|restore`, run by prepack and postpack: the packed package.json has no
// `prepare` script. A tarball never runs it, yet npm 11 lists `prepare` of any non-registry package (a tarball
// file, a git URL) as an install script "not yet covered by allowScripts" on every install; without it the
// tarball installs silently. The repository's package.json keeps it: git URL installs need it to build.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';

const manifest = 'package.json';
// Outside `files`, so never packed; gitignored. Holds the exact bytes to put back.
const saved = '.package.json.before-pack';

async function restore() {
	if (existsSync(saved)) await rename(saved, manifest);
}

const step = process.argv[2];
if (step === 'strip') {
	await restore(); // an earlier pack that stopped half way
	const text = await readFile(manifest, 'utf8');
	const json = JSON.parse(text);
	if (json.scripts?.prepare) {
		await writeFile(saved, text);
		delete json.scripts.prepare;
		await writeFile(manifest, `${JSON.stringify(json, null, '\t')}\n`);
	}
} else if (step === 'restore') {
	await restore();
} else {
	throw new Error('usage: node scripts/pack-manifest.mjs strip|restore');
}
