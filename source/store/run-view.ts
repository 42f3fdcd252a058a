// What the Run screen shows, from the run link as last built: the choices it can cycle through and the link.
import type { RunPrepared } from '../operations/run-flow.js';
import {
	type RegisteredRedirect,
	type RunLinkApp,
	type RunLinkRefused,
	registeredRedirects,
} from '../operations/run-link.js';
import { display } from '../text/sanitize.js';
import { runRefusalText } from './effects/run-link.js';
import type { AppError, Resource } from './state.js';

/** The page languages the screen cycles through ('' is the browser's own). */
export const runLocales = ['', 'en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP'] as const;

export type RunView = {
	readonly status: 'loading' | 'error' | 'refused' | 'built';
	readonly error?: AppError;
	/** Why there is no link, worded with the fix. */
	readonly refusal?: string;
	/** The refusal asks for an app to be chosen (several are linked). */
	readonly chooseApp?: boolean;
	readonly linkedApps: readonly RunLinkApp[];
	readonly redirects: readonly RegisteredRedirect[];
	readonly link?: {
		readonly url: string;
		readonly app: string;
		readonly appId: string;
		readonly redirect: RegisteredRedirect;
		readonly pkce: boolean;
		readonly responseType: string;
		readonly locale?: string;
	};
};

const platformNames = { web: 'web', spa: 'single-page app', publicClient: 'mobile and desktop' } as const;

/** A redirect as the screen names it. */
export function redirectText(redirect: RegisteredRedirect): string {
	return `${display(redirect.uri)} (${platformNames[redirect.platform]})`;
}

/** The Run screen's view of the run-link resource. */
export function runView(resource: Resource<RunPrepared | RunLinkRefused>): RunView {
	const data = resource.data;
	if (resource.status === 'error') {
		return {
			status: 'error',
			linkedApps: [],
			redirects: [],
			...(resource.error ? { error: resource.error } : {}),
		};
	}
	if (!data || resource.status === 'loading') return { status: 'loading', linkedApps: [], redirects: [] };
	if (data.kind === 'refused') {
		const refusal = data.refusal;
		const linkedApps = 'linkedApps' in refusal ? refusal.linkedApps : [];
		const redirects = refusal.rule === 'redirectUriNotRegistered' ? refusal.registered : [];
		return {
			status: 'refused',
			refusal: runRefusalText(refusal),
			chooseApp: refusal.rule === 'chooseApp',
			linkedApps,
			redirects,
		};
	}
	const { link, application, linkedApps } = data;
	const locale = link.parameters.ui_locales;
	return {
		status: 'built',
		linkedApps,
		redirects: registeredRedirects(application),
		link: {
			url: link.url,
			app: display(application.displayName ?? application.appId ?? ''),
			appId: application.appId ?? '',
			redirect: link.redirect,
			pkce: link.pkce !== undefined,
			responseType: link.parameters.response_type ?? 'code',
			...(locale ? { locale } : {}),
		},
	};
}
