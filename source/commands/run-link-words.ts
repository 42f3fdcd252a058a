// The commands' words for why a run link cannot be built, each with its fix.
import type { RunLinkApp, RunLinkRefusal } from '../operations/run-link.js';
import { CommandFailure } from './command.js';

const app = (named: RunLinkApp) =>
	named.displayName ? `"${named.displayName}" (${named.appId})` : named.appId;

export function runLinkFailure(refusal: RunLinkRefusal): CommandFailure {
	switch (refusal.rule) {
		case 'noLinkedApp':
			return new CommandFailure(
				`No application uses "${refusal.flow.displayName}", and a flow is run through one of its apps.`,
				`Link one first: \`entra-flows apps link ${refusal.flow.id} <appId>\`. Microsoft notes a short delay after linking before the flow runs.`,
			);
		case 'appNotLinked':
			return new CommandFailure(
				`${refusal.appId} is not linked to "${refusal.flow.displayName}"; the flow runs only through its apps: ${refusal.linkedApps.map(app).join(', ')}.`,
				`Pass one of those with --app, or link it: \`entra-flows apps link ${refusal.flow.id} ${refusal.appId}\`.`,
			);
		case 'chooseApp':
			return new CommandFailure(
				`"${refusal.flow.displayName}" is used by ${refusal.linkedApps.length} apps; say which to run it with.`,
				`Add --app with one of: ${refusal.linkedApps.map(app).join(', ')}.`,
			);
		case 'noRedirectUri':
			return new CommandFailure(
				`The app ${app(refusal.app)} has no redirect URI, so the sign-in has nowhere to return.`,
				'Add one in the Entra admin center (App registrations › Authentication › Add a platform), e.g. https://jwt.ms for a quick look at the token.',
			);
		case 'redirectUriNotRegistered':
			return new CommandFailure(
				`${refusal.redirectUri} is not a redirect URI of ${app(refusal.app)} (compared exactly).`,
				`Its redirect URIs: ${refusal.registered.map((redirect) => `${redirect.uri} (${redirect.platform})`).join(', ')}. Pass one of those, or register this one on the app first.`,
			);
		case 'idTokenNotEnabled':
			return new CommandFailure(
				`${app(refusal.app)} does not issue ID tokens from the authorize endpoint, so --response-type id_token would fail.`,
				'Use --response-type code, or turn on "ID tokens" under the app\'s Authentication › Implicit grant in the Entra admin center.',
			);
		case 'noInitialDomain':
			return new CommandFailure(
				`The organization names no initial *.onmicrosoft.com domain (it has ${refusal.domains.join(', ') || 'none'}), so the sign-in host is unknown.`,
				'Check the tenant with `entra-flows whoami`; an External ID tenant always has one.',
			);
		case 'badLocale':
			return new CommandFailure(
				`"${refusal.locale}" is not a language tag.`,
				'Give one like en-US, de-DE or fr.',
			);
		case 'badPrompt':
			return new CommandFailure(
				`"${refusal.prompt}" is not a prompt the authorize endpoint takes.`,
				'Use login, select_account, consent, none or create.',
			);
		default: {
			const never: never = refusal;
			return never;
		}
	}
}
