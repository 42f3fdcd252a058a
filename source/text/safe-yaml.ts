import { Document, visit } from 'yaml';
import { escapeUnsafe, terminalUnsafe } from './safe-json.js';

// C0 controls but tab and newline, plus what JSON's escaping covers: a string holding one is written double
// quoted, the only YAML style with \u escapes, so escaping it afterwards keeps the document's meaning.
const unsafe = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F${terminalUnsafe.source.slice(1, -1)}]`, 'g');
const holdsUnsafe = new RegExp(unsafe.source);

/** YAML for a terminal or a pipe: it reads back as the same data, and no character in it acts on a terminal. */
export function safeYaml(value: unknown): string {
	const document = new Document(value ?? null);
	visit(document, {
		Scalar(_key, node) {
			if (typeof node.value === 'string' && holdsUnsafe.test(node.value)) node.type = 'QUOTE_DOUBLE';
		},
	});
	return escapeUnsafe(document.toString({ lineWidth: 0 }), unsafe);
}
