import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/*
Reading a file someone named on the command line: only a regular file (a FIFO, /dev/zero or a directory
is refused before a byte is read), and never more than a limit, so a wrong path cannot fill memory.
The file is opened once and checked through its descriptor, so what is checked is what is read.
*/

/** Why a bounded read was refused. */
export type BoundedReadProblem = 'unreadable' | 'not-regular' | 'too-large';

/** A refused bounded read; `message` names the file and, for size, the limit. Callers prefix the flag. */
export class BoundedReadError extends Error {
	readonly problem: BoundedReadProblem;
	readonly path: string;
	readonly limitBytes: number;
	/** The system error code (ENOENT, EACCES…) when the file could not be opened or read. */
	readonly errno?: string;

	constructor(problem: BoundedReadProblem, path: string, limitBytes: number, detail: string, errno?: string) {
		super(`${path} ${detail}`);
		this.name = 'BoundedReadError';
		this.problem = problem;
		this.path = path;
		this.limitBytes = limitBytes;
		this.errno = errno;
	}
}

/** A file's text and permission bits, as read. */
export type BoundedFile = {
	readonly text: string;
	/** `st_mode` of the file read, so a caller can warn about group- or world-readable secrets. */
	readonly mode: number;
};

/** "64 KiB", "1 MiB", "32 MiB": a limit as a person reads it. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
	if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
	return `${bytes} bytes`;
}

function kindOf(stats: Stats): string {
	if (stats.isDirectory()) return 'a directory';
	if (stats.isFIFO()) return 'a pipe';
	if (stats.isCharacterDevice()) return 'a character device';
	if (stats.isBlockDevice()) return 'a block device';
	if (stats.isSocket()) return 'a socket';
	return 'not a file';
}

const tooLarge = (path: string, maxBytes: number) =>
	new BoundedReadError(
		'too-large',
		path,
		maxBytes,
		`is larger than ${formatBytes(maxBytes)}, the limit for this file`,
	);

/** Reads at most `maxBytes` from a descriptor; throws too-large when there is more. */
function readAtMost(fd: number, path: string, maxBytes: number, retry: (error: unknown) => boolean): Buffer {
	const chunks: Buffer[] = [];
	let total = 0;
	for (;;) {
		const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
		let read: number;
		try {
			read = readSync(fd, chunk, 0, chunk.length, null);
		} catch (error) {
			if (retry(error)) continue;
			const code = (error as NodeJS.ErrnoException).code;
			throw new BoundedReadError('unreadable', path, maxBytes, `cannot be read (${code ?? 'error'})`, code);
		}
		if (read === 0) return Buffer.concat(chunks, total);
		total += read;
		if (total > maxBytes) throw tooLarge(path, maxBytes);
		chunks.push(chunk.subarray(0, read));
	}
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8. Throws BoundedReadError for a missing or unreadable
 * file, anything that is not a regular file (pipes, devices such as /dev/zero, directories), or one larger
 * than the limit.
 */
export function readBoundedFile(path: string, maxBytes: number): BoundedFile {
	let fd: number;
	try {
		// Non-blocking, so naming a FIFO cannot hang here before the check refuses it.
		fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new BoundedReadError('unreadable', path, maxBytes, `cannot be read (${code ?? 'error'})`, code);
	}
	try {
		const stats = fstatSync(fd);
		if (!stats.isFile()) {
			throw new BoundedReadError(
				'not-regular',
				path,
				maxBytes,
				`is ${kindOf(stats)}, not a regular file; give the path of a file`,
			);
		}
		if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
		// The size is checked again while reading: the file may grow after fstat.
		const text = readAtMost(fd, path, maxBytes, () => false).toString('utf8');
		return { text, mode: stats.mode };
	} finally {
		closeSync(fd);
	}
}

/** Waits a few milliseconds without a timer: stdin may be non-blocking (EAGAIN) under some parents. */
function pause(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads standard input to its end, at most `maxBytes` (a pipe or a terminal is fine here). */
export function readBoundedStdin(maxBytes: number): string {
	const again = (error: unknown) => {
		if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return false;
		pause(10);
		return true;
	};
	return readAtMost(0, 'standard input', maxBytes, again).toString('utf8');
}

/**
 * The ssh-style warning for a secret file (a client secret, a private key) other users can read or change,
 * naming the file, its mode and the fix; undefined when only its owner has access.
 */
export function openFileWarning(what: string, path: string, mode: number): string | undefined {
	if ((mode & 0o077) === 0) return undefined;
	const bits = (mode & 0o777).toString(8).padStart(4, '0');
	return `${what} ${path} is accessible by other users (mode ${bits}); keep it private with \`chmod 600 ${path}\`.`;
}
