import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

/*
The token cache file (it holds refresh tokens in clear text): one JSON file per (authority host, client id)
in a 0700 folder, written atomically (0600 temp file + rename), read fresh on every msal access so a
second process sees the first one's sign-in. A file that cannot be read or parsed is reported (by name,
never by content) and moved aside as `*.corrupt-<time>` (kept 0600, so what broke can be looked at, and a
cache another version wrote is not destroyed); sign-in then continues as if there were no cache. Sign-out
removes the set-aside copies with the file: they may still hold valid tokens.
*/

/** `$XDG_STATE_HOME/entra-flows`, else `~/.local/state/entra-flows`: where the token cache lives. */
export function defaultStateDirectory(
	env: Readonly<Record<string, string | undefined>> = process.env,
	home: string = homedir(),
): string {
	const base = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : join(home, '.local', 'state');
	return join(base, 'entra-flows');
}

/** The cache file for one authority host (`host[:port]`) and client id inside `directory`. */
export function tokenCacheFile(directory: string, authorityHost: string, clientId: string): string {
	const safe = (text: string) => text.toLowerCase().replace(/[^a-z\d.-]+/g, '_');
	return join(directory, `tokens-${safe(authorityHost)}-${safe(clientId)}.json`);
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** msal-node cache plugin over one file. */
export class FileTokenCache implements ICachePlugin {
	constructor(
		readonly file: string,
		private readonly warn: (message: string) => void,
	) {}

	async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
		let content: string;
		try {
			await this.#secureDirectory();
			const info = await stat(this.file);
			// An older or copied file may be readable by others: tighten it before reading.
			if ((info.mode & 0o077) !== 0) await chmod(this.file, 0o600);
			content = await readFile(this.file, 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') return;
			await this.#setAside(`cannot be read (${code ?? 'error'})`);
			return;
		}
		try {
			const parsed: unknown = JSON.parse(content);
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
			context.tokenCache.deserialize(content);
		} catch {
			await this.#setAside('is not a valid token cache');
		}
	}

	async afterCacheAccess(context: TokenCacheContext): Promise<void> {
		if (!context.cacheHasChanged) return;
		try {
			await this.write(context.tokenCache.serialize());
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? 'error';
			this.warn(
				`Could not save the token cache ${this.file} (${code}); this sign-in lasts only until the program exits.`,
			);
		}
	}

	/** Writes the whole cache atomically with mode 0600. */
	async write(content: string): Promise<void> {
		await this.#secureDirectory();
		const temporary = join(
			dirname(this.file),
			`.${basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`,
		);
		const handle = await open(temporary, 'wx', 0o600);
		try {
			await handle.writeFile(content, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}
		try {
			await chmod(temporary, 0o600);
			await rename(temporary, this.file);
		} catch (error) {
			await rm(temporary, { force: true });
			throw error;
		}
	}

	/**
	 * Deletes the file (sign-out), and every other copy of it that may hold its tokens: the `*.corrupt-<time>`
	 * copies set aside when it could not be read, and a temporary file a crash left mid-write. Sign-out
	 * promises no token of this sign-in stays on disk.
	 */
	async remove(): Promise<void> {
		await rm(this.file, { force: true });
		const name = basename(this.file);
		const names = await readdir(dirname(this.file)).catch(() => [] as string[]);
		const copies = names.filter(
			(other) =>
				other.startsWith(`${name}.corrupt-`) || (other.startsWith(`.${name}.`) && other.endsWith('.tmp')),
		);
		// A set-aside "file" may be a directory (what made reading fail): remove it whole.
		await Promise.all(
			copies.map((copy) => rm(join(dirname(this.file), copy), { force: true, recursive: true })),
		);
	}

	async #secureDirectory(): Promise<void> {
		const directory = dirname(this.file);
		await mkdir(directory, { recursive: true, mode: 0o700 });
		const info = await stat(directory);
		if ((info.mode & 0o777) !== 0o700) await chmod(directory, 0o700);
	}

	async #setAside(reason: string): Promise<void> {
		const aside = `${this.file}.corrupt-${stamp()}`;
		try {
			await rename(this.file, aside);
			this.warn(`The token cache ${this.file} ${reason}; it was moved to ${aside}. Sign in again.`);
		} catch {
			this.warn(
				`The token cache ${this.file} ${reason} and could not be moved aside; tokens are kept in memory only.`,
			);
		}
	}
}
