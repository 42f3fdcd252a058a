// Flow files on disk: a file or a folder read as one set, a folder written by export. The checks are in
// flow-files/; this is only where bytes come from and go to.

import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadedFiles, loadFlowFiles, type SourceFile } from '../flow-files/load.js';
import type { FileProblem } from '../flow-files/problems.js';
import { formatFileProblem } from '../flow-files/problems.js';
import { schemaFileName } from '../flow-files/serialize.js';
import { readBoundedFile } from '../text/bounded-file.js';
import { UsageError } from './command.js';

/** Bad flow files: every problem with file, line and field. Nothing was sent (exit 2, as for bad input). */
export class FlowFileError extends UsageError {
	readonly details: readonly string[];
	constructor(problems: readonly FileProblem[]) {
		const lines = problems.map(formatFileProblem);
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(`The flow files have ${count}; nothing was sent:\n  ${lines.join('\n  ')}`);
		this.name = 'FlowFileError';
		this.details = lines;
	}
}

const flowFile = /\.(ya?ml|json)$/i;

/** A flow file with its whole layout is tens of KiB; anything near this is not one. */
const flowFileLimitBytes = 4 * 1024 * 1024;

/** The files of a path: itself, or a folder's YAML and JSON files (not its schema copy), by name. */
function sourcesOf(path: string): SourceFile[] {
	let isFolder: boolean;
	try {
		isFolder = statSync(path).isDirectory();
	} catch (error) {
		throw new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
	}
	const names = isFolder
		? readdirSync(path)
				.filter((name) => flowFile.test(name) && name !== schemaFileName && !name.startsWith('.'))
				.sort()
				.map((name) => join(path, name))
		: [path];
	if (names.length === 0) throw new UsageError(`${path} holds no flow files (*.yaml, *.yml, *.json).`);
	return names.map((file) => {
		try {
			return { file, text: readBoundedFile(file, flowFileLimitBytes).text };
		} catch (error) {
			throw new UsageError(`Cannot read the flow file: ${(error as Error).message}.`);
		}
	});
}

/** Reads and checks the files of a path; bad files throw FlowFileError before anything is sent. */
export function loadFlowPath(path: string): LoadedFiles {
	const loaded = loadFlowFiles(sourcesOf(path));
	if (loaded.problems.length > 0) throw new FlowFileError(loaded.problems);
	return loaded;
}

/** Writes files into a folder (made if missing); returns the paths written. */
export function writeFolder(folder: string, files: readonly { name: string; text: string }[]): string[] {
	if (existsSync(folder) && !statSync(folder).isDirectory())
		throw new UsageError(`--out ${folder} is a file, not a folder.`);
	mkdirSync(folder, { recursive: true });
	return files.map(({ name, text }) => {
		const path = join(folder, name);
		writeFileSync(path, text);
		return path;
	});
}
