// `prepare`: npm runs it after `npm install`/`npm ci` in a clone, and in its own clone of the repository when
// installing from a git URL. Either way it builds dist/ (bundle.mjs), so a git URL install gets a binary.
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readFile, realpath, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const here = process.cwd();
const env = process.env;

/*
npm 11 has a bug here (npm/cli#8440 and #3692, open): `npm install -g <git URL>` prepares its clone with the
global flag still set, so the "install the dependencies" step links the clone into the global prefix instead
of installing devDependencies into it, and the final install then writes through that link into the clone,
which npm deletes: a dangling link and no binary. When that is what is happening, do the steps npm meant to:
install the locked devDependencies into the clone, build, and turn the stray link into a folder of its own
for npm to install the package into.
*/
const globalGitInstall = env.npm_config_global === 'true' && /[\\/]_cacache[\\/]tmp[\\/]git-clone/.test(here);

function canResolve(name) {
	try {
		createRequire(join(here, 'package.json')).resolve(name);
		return true;
	} catch {
		return false;
	}
}

if (globalGitInstall && !canResolve('esbuild')) {
	const local = { ...env, npm_config_global: 'false' };
	for (const key of ['npm_config_prefix', 'npm_config_global_prefix', 'npm_config_globalconfig'])
		delete local[key];
	const npm = env.npm_execpath
		? spawnSync(process.execPath, [env.npm_execpath, ...ciArguments()], {
				cwd: here,
				env: local,
				stdio: 'inherit',
			})
		: spawnSync('npm', ciArguments(), { cwd: here, env: local, stdio: 'inherit' });
	if (npm.status !== 0) throw new Error(`npm ci in ${here} failed (exit ${npm.status})`);
}

await import('./bundle.mjs');

if (globalGitInstall && env.npm_config_prefix) {
	const { name } = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));
	const link = join(env.npm_config_prefix, 'lib', 'node_modules', name);
	const stat = await lstat(link).catch(() => undefined);
	if (stat?.isSymbolicLink() && (await realpath(link).catch(() => '')) === (await realpath(here))) {
		// npm extracts the package into this path next: it must be a folder of its own, not the clone.
		await unlink(link);
		await mkdir(link);
	}
}

function ciArguments() {
	return ['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
}
