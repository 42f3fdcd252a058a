import { invalid } from '../errors.js';
import { objectBody, onlyKeys } from '../json-check.js';
import type { RouteContext } from '../router.js';

/** The collection a `$ref` body must point into. */
export type RefKind = 'identityProviders' | 'userFlowAttributes' | 'customAuthenticationExtensions';

const nouns: Record<RefKind, string> = {
	identityProviders: 'an identity provider',
	userFlowAttributes: 'a user flow attribute',
	customAuthenticationExtensions: 'a custom authentication extension',
};

// "kind('id')" is the OData key form some services echo in @odata.id.
function keyForm(segment: string, kind: RefKind): string | undefined {
	const match = /^([A-Za-z]+)\('((?:[^']|'')*)'\)$/.exec(segment);
	if (!match || match[1]!.toLowerCase() !== kind.toLowerCase()) return undefined;
	return match[2]!.replaceAll("''", "'");
}

function idFromPath(segments: string[], kind: RefKind, canonicalOnly: boolean): string | undefined {
	const [version = '', ...rest] = segments;
	if (version !== 'v1.0' && version !== 'beta') return undefined;
	const withIdentity = rest[0]?.toLowerCase() === 'identity';
	if (canonicalOnly && !withIdentity) return undefined;
	const tail = withIdentity ? rest.slice(1) : rest;
	if (tail.length === 1) return keyForm(tail[0]!, kind);
	if (tail.length === 2 && tail[0]!.toLowerCase() === kind.toLowerCase() && tail[1] !== '') return tail[1];
	return undefined;
}

function allowedOrigin(url: URL, context: RouteContext): boolean {
	if (url.origin === context.origin) return true;
	if (url.protocol === 'https:' && url.host.toLowerCase() === 'graph.microsoft.com') return true;
	// The emulator's own port under the name "localhost" is the same server.
	const own = new URL(context.origin);
	return url.protocol === own.protocol && url.hostname === 'localhost' && url.port === own.port;
}

/** Reads `{"@odata.id": url}` and returns the referenced id; 400 with the accepted forms otherwise. */
export function refTarget(context: RouteContext, kind: RefKind): string {
	const body = objectBody(context.body);
	onlyKeys(body, [], 'a $ref body');
	const raw = body['@odata.id'];
	const canonical = `https://graph.microsoft.com/${context.version}/identity/${kind}/{id}`;
	const forms =
		context.quirks.providerRef === 'canonical-only'
			? `'${canonical}'`
			: `'${canonical}' or 'https://graph.microsoft.com/${context.version}/${kind}/{id}'`;
	if (typeof raw !== 'string' || raw === '') {
		throw invalid(`The request body must be {"@odata.id": "<URL>"} pointing at ${nouns[kind]}: ${forms}.`);
	}
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw invalid(`The @odata.id '${raw}' is not an absolute URL; expected ${forms}.`);
	}
	if (!allowedOrigin(url, context)) {
		throw invalid(
			`The @odata.id '${raw}' must point at Microsoft Graph (or this emulator); expected ${forms}.`,
		);
	}
	let segments: string[];
	try {
		segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
	} catch {
		throw invalid(`The @odata.id '${raw}' has invalid percent-encoding.`);
	}
	const id = idFromPath(segments, kind, context.quirks.providerRef === 'canonical-only');
	if (id === undefined)
		throw invalid(`The @odata.id '${raw}' does not reference ${nouns[kind]}; expected ${forms}.`);
	return id;
}
