import type { TenantStore } from '../tenant.js';
import type { RedirectError } from './authorize-request.js';
import { documentHtml, escapeHtml } from './html.js';
import type { Journey } from './journey.js';
import { type ErrorDetails, protocolErrorBody } from './pages.js';

/** What a customer-side handler answers: a page, a redirect, or JSON (token endpoint, keys). */
export type Answer =
	| { readonly kind: 'html'; readonly status: number; readonly html: string }
	| { readonly kind: 'redirect'; readonly location: string }
	| { readonly kind: 'json'; readonly status: number; readonly body: unknown }
	| { readonly kind: 'asset'; readonly contentType: string; readonly text: string };

/** Where pages link their stylesheet and script: `/{host}/static`. */
export type PageSite = { readonly host: string; readonly tenant: TenantStore };

/** A whole page answer. */
export function pageAnswer(
	site: PageSite,
	title: string,
	body: string,
	options: { status?: number; lang?: string; state?: string; note?: string } = {},
): Answer {
	const frame = {
		title,
		tenantName: site.tenant.state.displayName,
		lang: options.lang ?? 'en',
		assets: `/${site.host}/static`,
		...(options.state ? { state: options.state } : {}),
	};
	return { kind: 'html', status: options.status ?? 200, html: documentHtml(frame, body, options.note) };
}

/** The details Entra prints under an error: correlation id and time. */
export function errorDetails(correlationId: string, code?: string): ErrorDetails {
	const timestamp = new Date()
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/, 'Z');
	return { correlationId, timestamp, ...(code ? { code } : {}) };
}

/** The error page for a request Entra does not redirect (the redirect URI is not yet trusted). */
export function protocolErrorPage(
	site: PageSite,
	status: number,
	aadsts: number | undefined,
	message: string,
	correlationId: string,
): Answer {
	const text = aadsts === undefined ? message : `AADSTS${aadsts}: ${message}`;
	return pageAnswer(site, 'Sign in', protocolErrorBody(text, errorDetails(correlationId)), { status });
}

function withParameters(uri: string, mode: 'query' | 'fragment', parameters: Record<string, string>): string {
	const encoded = new URLSearchParams(parameters).toString();
	if (mode === 'fragment') return `${uri.split('#')[0]}#${encoded}`;
	const url = new URL(uri);
	for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
	return url.href;
}

/** Sends the customer back to the app: query or fragment redirect, or a form post (a button; no script). */
export function backToApp(site: PageSite, journey: Journey, parameters: Record<string, string>): Answer {
	const { request } = journey;
	const all = request.state === null ? parameters : { ...parameters, state: request.state };
	if (request.responseMode === 'form_post') {
		const fields = Object.entries(all)
			.map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`)
			.join('');
		const body = `<h1>Signed in</h1><form method="post" action="${escapeHtml(request.redirectUri)}">${fields}<button type="submit" id="continue">Continue to the application</button></form>`;
		return pageAnswer(site, 'Signed in', body, { lang: request.locale });
	}
	return { kind: 'redirect', location: withParameters(request.redirectUri, request.responseMode, all) };
}

/** An authorize error sent to the registered redirect URI. */
export function redirectError(error: RedirectError): Answer {
	const parameters: Record<string, string> = { error: error.error, error_description: error.description };
	if (error.state !== null) parameters.state = error.state;
	return { kind: 'redirect', location: withParameters(error.redirectUri, error.responseMode, parameters) };
}
