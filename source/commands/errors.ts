import type { GraphError } from '../graph/graph-error.js';
import { maskSecretText } from '../text/secrets.js';

/** Wrong words or flags: exit code 2, with a message that says how to call it. */
export class UsageError extends Error {
	constructor(message: string) {
		// Usage errors echo what was typed: a token pasted as a word is never echoed back whole.
		super(maskSecretText(message, '[redacted]'));
		this.name = 'UsageError';
	}
}

/** The operation could not be done for a reason that is not a Graph error (unknown name, refused precondition). */
export class CommandFailure extends Error {
	readonly hint?: string;
	/** The service's refusal this failure explains, kept for its ids (request-id, date). */
	readonly refusal?: GraphError;
	/** Lines that back the message up (problems per input, a diff); `--json` carries them in the error. */
	readonly details?: readonly string[];
	constructor(message: string, hint?: string, refusal?: GraphError, details?: readonly string[]) {
		super(message);
		this.name = 'CommandFailure';
		this.hint = hint;
		this.refusal = refusal;
		this.details = details;
	}
}

/** The person stopped at a prompt (ctrl+c, ctrl+d): nothing was sent after it. Exit code 130, as a shell's. */
export class Cancelled extends Error {
	constructor(message = 'Cancelled at the prompt; nothing was changed.') {
		super(message);
		this.name = 'Cancelled';
	}
}
