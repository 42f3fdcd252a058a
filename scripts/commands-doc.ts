// Writes the generated reference into docs/commands.md between its markers (`npm run docs:commands`); a test fails
// when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { withCommandsReference } from '../source/commands/reference.js';

const path = 'docs/commands.md';
const page = readFileSync(path, 'utf8');
const updated = withCommandsReference(page);
if (updated === page) console.log(`${path} reference is up to date`);
else {
	writeFileSync(path, updated);
	console.log(`${path} reference rewritten`);
}
