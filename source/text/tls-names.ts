/** Node's code for a certificate that is valid but issued for other host names. */
export const hostNameMismatch = 'ERR_TLS_CERT_ALTNAME_INVALID';

/**
 * The host names a TLS error's certificate is for (its subjectAltName DNS names and IP addresses), read from
 * the error or the error it wraps; empty when the error carries no certificate.
 */
export function certificateHostNames(error: unknown): string[] {
	for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
		const cert = (current as { cert?: { subjectaltname?: unknown } }).cert;
		if (typeof cert?.subjectaltname === 'string') {
			return cert.subjectaltname
				.split(/,\s*/)
				.map((entry) => entry.replace(/^(DNS|IP Address):/, '').trim())
				.filter(Boolean);
		}
		current = (current as { cause?: unknown }).cause;
	}
	return [];
}

/** "is for a.example, b.example, not for host" — or "is for other host names" when they are not known. */
export function mismatchWords(host: string, names: readonly string[]): string {
	const listed = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
	return names.length > 0 ? `is for ${listed}, not for ${host}` : `is for other host names, not for ${host}`;
}
