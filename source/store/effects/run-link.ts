import { prepareRunLink, type RunChoice } from '../../operations/run-flow.js';
import type { RunLinkRefusal } from '../../operations/run-link.js';
import { display } from '../../text/sanitize.js';
import { flowLabel } from '../selectors.js';
import type { Effect } from '../store.js';
import { load } from './common.js';

/** Builds the flow's run link for the choice (a new state, nonce and verifier each time). */
export function loadRunLink(flowId: string, choice: RunChoice): Effect {
	return (context) =>
		load(
			'runLink',
			flowId,
			'Building the run link',
			(graph) =>
				prepareRunLink(graph, { id: flowId, displayName: flowLabel(context.getState(), flowId) }, choice),
			{ force: true },
		)(context);
}

const app = (named: { appId: string; displayName?: string }) =>
	named.displayName ? `${display(named.displayName)} (${named.appId})` : named.appId;

/** Why the Run screen has no link, and what to do. */
export function runRefusalText(refusal: RunLinkRefusal): string {
	switch (refusal.rule) {
		case 'noLinkedApp':
			return 'No application uses this flow, and a flow runs through one of its apps. Link one (3 on the flow, then a).';
		case 'appNotLinked':
			return `${refusal.appId} is not linked to this flow; its apps: ${refusal.linkedApps.map(app).join(', ')}.`;
		case 'chooseApp':
			return `Several apps use this flow: press a to choose one of ${refusal.linkedApps.map(app).join(', ')}.`;
		case 'noRedirectUri':
			return `${app(refusal.app)} has no redirect URI: add one in the Entra admin center (App registrations › Authentication).`;
		case 'redirectUriNotRegistered':
			return `${display(refusal.redirectUri)} is not a redirect URI of ${app(refusal.app)}.`;
		case 'idTokenNotEnabled':
			return `${app(refusal.app)} does not issue ID tokens: press t for code, or turn on ID tokens under its Authentication.`;
		case 'noInitialDomain':
			return 'The organization names no initial onmicrosoft.com domain, so the sign-in host is unknown.';
		case 'badLocale':
			return `${display(refusal.locale)} is not a language tag.`;
		case 'badPrompt':
			return `${display(refusal.prompt)} is not a prompt value.`;
		default: {
			const never: never = refusal;
			return never;
		}
	}
}
