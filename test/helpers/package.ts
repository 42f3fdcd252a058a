import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository checkout the tests run in. */
export const repositoryRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** What a finished child process printed. */
export type Finished = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** Runs a program to the end without throwing on a non-zero exit. */
export function run(
	file: string,
	args: readonly string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Finished> {
	return new Promise((resolve) => {
		execFile(
			file,
			[...args],
			{
				cwd: options.cwd,
				env: options.env ?? process.env,
				timeout: options.timeoutMs ?? 120_000,
				maxBuffer: 64 * 1024 * 1024,
			},
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				resolve({ code, stdout: String(stdout), stderr: String(stderr) });
			},
		);
	});
}

/** The files of the working tree as a commit would take them: tracked and untracked, less the ignored. */
async function workingTreeFiles(): Promise<string[]> {
	const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
		cwd: repositoryRoot,
	});
	if (listed.code !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
	const files: string[] = [];
	for (const file of new Set(listed.stdout.split('\0').filter(Boolean))) {
		const found = await stat(join(repositoryRoot, file)).catch(() => undefined);
		if (found?.isFile()) files.push(file);
	}
	return files;
}

/** A copy of the working tree in a temporary folder, with this checkout's node_modules linked in. */
export type TreeCopy = { readonly dir: string; readonly tree: string; readonly files: readonly string[] };

/** Copies the working tree (not dist/, not node_modules) so packing and git installs never touch this one. */
export async function copyWorkingTree(): Promise<TreeCopy> {
	const dir = await mkdtemp(join(tmpdir(), 'entra-flows-package-'));
	const tree = join(dir, 'tree');
	const files = await workingTreeFiles();
	for (const file of files) {
		await mkdir(dirname(join(tree, file)), { recursive: true });
		await copyFile(join(repositoryRoot, file), join(tree, file));
	}
	await symlink(join(repositoryRoot, 'node_modules'), join(tree, 'node_modules'));
	return { dir, tree, files };
}

/** The result of one `npm pack`, shared by the tests of a run. */
export type Packed = TreeCopy & {
	readonly tarball: string;
	/** Paths inside the tarball, without the leading `package/`. */
	readonly entries: readonly string[];
	readonly packOutput: Finished;
};

/** Packs a copy of the working tree with `npm pack`, which runs prepack (the bundle) as a release would. */
export async function packWorkingTree(): Promise<Packed> {
	const copy = await copyWorkingTree();
	const packOutput = await run('npm', ['pack', '--pack-destination', copy.dir, '--loglevel=error'], {
		cwd: copy.tree,
	});
	if (packOutput.code !== 0) throw new Error(`npm pack failed:\n${packOutput.stderr}`);
	const name = (await readdir(copy.dir)).find((file) => file.endsWith('.tgz'));
	if (!name) throw new Error(`npm pack wrote no tarball:\n${packOutput.stdout}`);
	const tarball = join(copy.dir, name);
	const listing = await run('tar', ['-tzf', tarball]);
	const entries = listing.stdout
		.split('\n')
		.filter(Boolean)
		.map((entry) => entry.replace(/^package\//, ''));
	return { ...copy, tarball, entries, packOutput };
}

/** Removes a temporary folder made by these helpers. */
export const removeFolder = (dir: string) => rm(dir, { recursive: true, force: true });
