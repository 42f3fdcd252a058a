#!/usr/bin/env node
// The program's entry (dist/cli.js). An old Node must get a sentence, not a crash: the check runs before the
// program, which needs what package.json's engines says, is even parsed, by loading it with import().
import packageJson from './package.json' with { type: 'json' };
import { nodeVersionProblem } from './source/startup/node-version.js';

const problem = nodeVersionProblem(process.versions.node, packageJson.engines.node);
if (problem) {
	process.stderr.write(`${problem}\n`);
	process.exitCode = 1;
} else {
	await import('./cli.js');
}
