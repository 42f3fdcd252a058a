import { type AppState, flowLabel, type Route } from '../../store/index.js';

function crumb(state: AppState, route: Route): string {
	switch (route.id) {
		case 'user-flows':
			return 'User flows';
		case 'user-flow':
			return flowLabel(state, route.flowId);
		case 'user-flow/identity-providers':
			return 'Identity providers';
		case 'user-flow/attributes':
			return 'Attributes';
		case 'user-flow/applications':
			return 'Applications';
		case 'user-flow/new':
			return 'New user flow';
		case 'user-flow/layout':
			return 'Sign-up page';
		case 'user-flow/run':
			return 'Run';
		case 'user-flow/extensions':
			return 'Custom extensions';
		case 'tenant':
			return 'Tenant';
		case 'tenant/extensions':
			return 'Custom extensions';
		case 'tenant/attributes':
			return 'Attributes';
		case 'tenant/providers':
			return 'Identity providers';
		case 'requests':
			return 'Requests';
		case 'requests/entry':
			return `#${route.seq}`;
		case 'apply-file':
			return 'Apply file';
		default: {
			const never: never = route;
			return never;
		}
	}
}

/** "User flows › Shop › Identity providers", or the gate screen's name while not signed in. */
export function breadcrumbs(state: AppState): string {
	switch (state.session.status) {
		case 'unconfigured':
			return 'Start';
		case 'checking':
			return 'Checking sign-in';
		case 'signedIn':
			return state.routes.map((entry) => crumb(state, entry.route)).join(' › ');
		default:
			return state.session.reason === 'expired' ? 'Sign in again' : 'Sign in';
	}
}

/** "account · tenant" of the signed-in session, sanitized upstream by the session. */
export function who(state: AppState): string {
	if (state.session.status !== 'signedIn') return '';
	const { account, tenant } = state.session.info;
	// With profiles, the profile leads: it is what the tenant switcher and `--profile` call it.
	return [state.tenant ? `@${state.tenant.profile}` : undefined, account, tenant].filter(Boolean).join(' · ');
}
