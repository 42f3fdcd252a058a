// Writes the generated keymap table into docs/keyboard-app.md between its keymap markers (`npm run docs:keys`).
import { readFileSync, writeFileSync } from 'node:fs';
import { withKeymapTable } from '../source/keys/keymap-readme.js';

const keyDocument = 'docs/keyboard-app.md';

const readme = readFileSync(keyDocument, 'utf8');
const updated = withKeymapTable(readme);
if (updated === readme) console.log(`${keyDocument}: the key table is up to date`);
else {
	writeFileSync(keyDocument, updated);
	console.log(`${keyDocument}: the key table rewritten`);
}
