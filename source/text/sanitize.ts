// Text from Graph is untrusted: an escape sequence in a flow name must not repaint or retitle the terminal.
const escapeSequences =
	/\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])/g;
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Removes terminal escape sequences and control characters (bidi overrides too); keeps tab and newline out as spaces. */
export function sanitize(text: string): string {
	return text
		.replace(escapeSequences, '')
		.replace(/[\t\n]/g, ' ')
		.replace(controlCharacters, '');
}

/** Sanitizes any value for display; undefined and null become an empty string. */
export function display(value: unknown): string {
	if (value === undefined || value === null) return '';
	return sanitize(String(value));
}

/** Sanitizes printed text line by line, keeping its line breaks: the last guard before a terminal. */
export function sanitizeLines(text: string): string {
	return text.split('\n').map(sanitize).join('\n');
}
