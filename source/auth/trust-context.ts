import { createSecureContext, type SecureContext } from 'node:tls';

const built = new Map<string, SecureContext>();

/**
 * One TLS context per list of trusted certificates (PEM), shared by every connection that trusts that list.
 * Node builds a fresh context for each connection given `ca`, parsing every certificate again: with the
 * system's roots and a --ca-file that is about 25 ms of CPU per connection, several times over at start-up.
 */
export function trustContext(ca: string | readonly string[]): SecureContext {
	const certificates = typeof ca === 'string' ? [ca] : [...ca];
	const key = certificates.join('\n');
	let context = built.get(key);
	if (!context) {
		context = createSecureContext({ ca: certificates });
		built.set(key, context);
	}
	return context;
}
