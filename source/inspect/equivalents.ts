/** Enough of a request to write it as a command for another tool: a recorded or a planned one. */
export type ReplayableRequest = {
	readonly method: string;
	/** Absolute URL. */
	readonly url: string;
	/** JSON body; undefined when the request has none. */
	readonly requestBody?: unknown;
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

/** How the equivalents should reach the service: a CA file to trust (the emulator's, a TLS-inspecting proxy's). */
export type EquivalentOptions = { readonly caFile?: string };

/**
 * curl, with the bearer token left as `$TOKEN` inside double quotes so the shell fills it in from the
 * environment (the token is never written into the line).
 */
export function toCurl(request: ReplayableRequest, options: EquivalentOptions = {}): string {
	const method = request.method.toUpperCase();
	return [
		'curl',
		...(options.caFile ? ['--cacert', shellQuote(options.caFile)] : []),
		...(method === 'GET' ? [] : ['-X', method]),
		shellQuote(request.url),
		'-H',
		'"Authorization: Bearer $TOKEN"',
		...(hasBody(request)
			? ['-H', shellQuote('Content-Type: application/json'), '--data', shellQuote(bodyText(request))]
			: []),
	].join(' ');
}

/** `az rest`: az gets the token itself, but needs the Content-Type header spelled out for a JSON body. */
export function toAzRest(request: ReplayableRequest): string {
	return [
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

/** `Invoke-MgGraphRequest` of the Microsoft Graph PowerShell SDK, with PowerShell single-quoted strings. */
export function toPowerShell(request: ReplayableRequest): string {
	return [
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
	return { curl: toCurl(request, options), azRest: toAzRest(request), powerShell: toPowerShell(request) };
}
