/*
The last line of defence against secrets in text we hand on (error messages, warnings, forwarded msal log
lines): every secret value the sign-in layer has seen is remembered and blanked, and anything shaped like
a JWT, a bearer header or a secret form field is blanked too (the rules in text/secrets.ts, which the
request inspector shares).
*/

import { maskSecretText } from '../text/secrets.js';

/** Remembers secret values and removes them (and secret-shaped text) from strings. */
export class Redactor {
	readonly #secrets = new Set<string>();

	/** Remembers values to blank; short values are ignored (they would blank ordinary words). */
	add(...values: readonly (string | undefined)[]): void {
		for (const value of values) {
			if (value && value.length >= 6) {
				this.#secrets.add(value);
				// Keep memory bounded in a long session: forget the oldest.
				if (this.#secrets.size > 500) this.#secrets.delete(this.#secrets.values().next().value!);
			}
		}
	}

	/** The text with every known secret and secret-shaped run replaced by `[redacted]`. */
	scrub(text: string): string {
		let out = text;
		for (const secret of this.#secrets) out = out.split(secret).join('[redacted]');
		return maskSecretText(out, '[redacted]');
	}
}
