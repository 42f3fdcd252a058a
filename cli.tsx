#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import packageJson from './package.json' with { type: 'json' };
import { runCli } from './source/commands/run-cli.js';

// The one place that reads process.argv and process.env; everything below gets them as values.
const exitCode = await runCli({
	argv: process.argv.slice(2),
	env: process.env,
	version: packageJson.version,
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	ask: process.stdin.isTTY && process.stderr.isTTY ? ask : undefined,
});
process.exitCode = exitCode;

async function ask(question: string): Promise<string> {
	const prompt = createInterface({ input: process.stdin, output: process.stderr });
	try {
		return await prompt.question(question);
	} finally {
		prompt.close();
	}
}
