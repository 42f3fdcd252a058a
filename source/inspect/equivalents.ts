/** Enough of a request to write it as a command for another tool: a recorded or a planned one. */
export type ReplayableRequest = {
	readonly method: string;
	/** Absolute URL. */
	readonly url: string;
	/** JSON body; undefined when the request has none. */
	readonly requestBody?: unknown;
	/** The CA file the app trusted for this call (--ca-file), so the equivalents trust it too. */
	readonly caFile?: string;
};

/** The same request as commands for the tools admins already use. */
export type EquivalentCommands = {
	/** bash/zsh; the token comes from the TOKEN environment variable. */
	readonly curl: string;
	/** Azure CLI; az signs the request itself. */
	readonly azRest: string;
	/** Microsoft Graph PowerShell SDK (after Connect-MgGraph). */
	readonly powerShell: string;
};

/** A POSIX shell single-quoted word: `'` becomes `'\''`. Nothing inside is expanded ($ref stays $ref). */
export function shellQuote(text: string): string {
	return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A PowerShell single-quoted string: quotes are doubled. PowerShell also ends single-quoted strings at the
 * typographic quotes U+2018–U+201B, so those are doubled too.
 */
export function powerShellQuote(text: string): string {
	return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

const hasBody = (request: ReplayableRequest) => request.requestBody !== undefined;
const bodyText = (request: ReplayableRequest) => JSON.stringify(request.requestBody);

/**
 * How the equivalents should reach the service: a CA file to trust (the emulator's, a TLS-inspecting
 * proxy's); the request's own `caFile` when not given.
 */
export type EquivalentOptions = { readonly caFile?: string };

const caFileOf = (request: ReplayableRequest, options: EquivalentOptions) => options.caFile ?? request.caFile;

/**
 * curl, with the bearer token left as `$TOKEN` inside double quotes so the shell fills it in from the
 * environment (the token is never written into the line).
 */
export function toCurl(request: ReplayableRequest, options: EquivalentOptions = {}): string {
	const method = request.method.toUpperCase();
	const caFile = caFileOf(request, options);
	return [
		'curl',
		...(caFile ? ['--cacert', shellQuote(caFile)] : []),
		...(method === 'GET' ? [] : ['-X', method]),
		shellQuote(request.url),
		'-H',
		'"Authorization: Bearer $TOKEN"',
		...(hasBody(request)
			? ['-H', shellQuote('Content-Type: application/json'), '--data', shellQuote(bodyText(request))]
			: []),
	].join(' ');
}

/**
 * `az rest`: az gets the token itself, but needs the Content-Type header spelled out for a JSON body. With a
 * CA file, az (Python requests) is pointed at it through REQUESTS_CA_BUNDLE, as Azure CLI documents for proxies.
 */
export function toAzRest(request: ReplayableRequest, options: EquivalentOptions = {}): string {
	const caFile = caFileOf(request, options);
	return [
		...(caFile ? [`REQUESTS_CA_BUNDLE=${shellQuote(caFile)}`] : []),
		'az rest',
		'--method',
		request.method.toLowerCase(),
		'--url',
		shellQuote(request.url),
		...(hasBody(request)
			? ['--headers', shellQuote('Content-Type=application/json'), '--body', shellQuote(bodyText(request))]
			: []),
	].join(' ');
}

/**
 * `Invoke-MgGraphRequest` of the Microsoft Graph PowerShell SDK, with PowerShell single-quoted strings. It has
 * no per-call CA option: with a CA file, an inline comment says it must be trusted by the system first.
 */
export function toPowerShell(request: ReplayableRequest, options: EquivalentOptions = {}): string {
	const caFile = caFileOf(request, options);
	return [
		// A block comment, so the line stays one command; `#>` cannot occur in a path that ends it early.
		...(caFile ? [`<# first add ${caFile.replaceAll('#>', '#_>')} to the system's trusted roots #>`] : []),
		'Invoke-MgGraphRequest',
		'-Method',
		request.method.toUpperCase(),
		'-Uri',
		powerShellQuote(request.url),
		...(hasBody(request)
			? ['-Body', powerShellQuote(bodyText(request)), '-ContentType', powerShellQuote('application/json')]
			: []),
	].join(' ');
}

/** All three equivalents of one request. */
export function equivalentCommands(
	request: ReplayableRequest,
	options: EquivalentOptions = {},
): EquivalentCommands {
	return {
		curl: toCurl(request, options),
		azRest: toAzRest(request, options),
		powerShell: toPowerShell(request, options),
	};
}
