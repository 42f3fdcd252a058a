/*
The last line of defence against secrets in text we hand on (error messages, warnings, forwarded msal log
lines): every secret value the sign-in layer has seen is remembered and blanked, and anything shaped like
a JWT, a bearer header or a secret form field is blanked too.
*/

const patterns: readonly RegExp[] = [
	/eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g,
	/\bBearer\s+[\w.~+/=-]{8,}/gi,
	/\b(access_token|refresh_token|id_token|client_secret|client_assertion|device_code|user_code|password)(["']?\s*[=:]\s*["']?)[^\s&"',}]+/gi,
];

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
		out = out.replace(patterns[0]!, '[redacted]').replace(patterns[1]!, 'Bearer [redacted]');
		return out.replace(
			patterns[2]!,
			(_match, key: string, separator: string) => `${key}${separator}[redacted]`,
		);
	}
}
