// The tenant's health: things that are configured but do nothing, or look right to Graph and fail people at
// sign-up. Pure checks over one read of the tenant (the snapshot plans use) plus the email method policy.
import { type EmailMethodConfiguration, getEmailMethodConfiguration } from '../graph/auth-methods.js';
import type { GraphClient } from '../graph/graph-client.js';
import { isGraphError } from '../graph/graph-error.js';
import { sameId } from '../graph/ids.js';
import type { UserFlow } from '../graph/types.js';
import { type LayoutProblem, layoutFromFlow, validateLayout } from '../layout/index.js';
import { localAccountOf, methodEnabledForAllUsers } from './password-reset.js';
import type { FlowRef } from './refusals.js';
import { readTenant, type TenantSnapshot } from './snapshot.js';
import { offeredIds, providerKind } from './tenant-providers.js';
import { flowRef } from './tenant-reads.js';

type Named = { readonly id: string; readonly displayName: string };

/** One thing the lint found. */
export type LintFinding =
	| { readonly check: 'flowWithoutApps'; readonly flow: FlowRef }
	| { readonly check: 'appWithoutFlow'; readonly app: Named }
	| { readonly check: 'attributeUnused'; readonly attribute: Named }
	| { readonly check: 'providerUnused'; readonly provider: Named }
	| { readonly check: 'signInOnlyCollects'; readonly flow: FlowRef; readonly attributeIds: readonly string[] }
	| { readonly check: 'pageWontRender'; readonly flow: FlowRef; readonly problems: readonly LayoutProblem[] }
	| { readonly check: 'sameFlows'; readonly flows: readonly FlowRef[] }
	| { readonly check: 'passwordResetUnreachable'; readonly flows: readonly FlowRef[] };

/** A check that could not run, and why (a permission the token lacks). */
export type SkippedCheck = { readonly check: LintFinding['check']; readonly reason: string };

export type LintReport = {
	readonly findings: readonly LintFinding[];
	readonly skipped: readonly SkippedCheck[];
};

const linkedApps = (flow: UserFlow) =>
	(flow.conditions?.applications?.includeApplications ?? []).flatMap((app) => (app.appId ? [app.appId] : []));
const collected = (flow: UserFlow) =>
	(flow.onAttributeCollection?.attributes ?? []).flatMap((attribute) => (attribute.id ? [attribute.id] : []));

// What makes two flows the same to a customer: everything but name, description and the apps that use them.
function behaviour(flow: UserFlow): string {
	const layout = layoutFromFlow(flow);
	return JSON.stringify({
		signUp: flow.onInteractiveAuthFlowStart?.isSignUpAllowed ?? true,
		providers: offeredIds(flow)
			.map((id) => id.toLowerCase())
			.sort(),
		attributes: collected(flow).map((id) => id.toLowerCase()),
		inputs: layout.inputs,
		userType: flow.onUserCreateStart?.userTypeToCreate ?? null,
		start: flow.onAttributeCollectionStart ?? null,
		submit: flow.onAttributeCollectionSubmit ?? null,
	});
}

/** The findings for a tenant as read; `method` undefined skips the password-reset check. */
export function lintTenant(
	tenant: TenantSnapshot,
	method: EmailMethodConfiguration | undefined,
): LintFinding[] {
	const findings: LintFinding[] = [];
	const flows = tenant.flows;
	for (const flow of flows) {
		if (linkedApps(flow).length === 0) findings.push({ check: 'flowWithoutApps', flow: flowRef(flow) });
	}
	const usedApps = flows.flatMap(linkedApps);
	for (const app of tenant.applications ?? []) {
		if (!app.appId || usedApps.some((appId) => sameId(appId, app.appId))) continue;
		// The tenant's own directory-extension app never signs anyone in.
		if (app.displayName?.startsWith('b2c-extensions-app')) continue;
		findings.push({
			check: 'appWithoutFlow',
			app: { id: app.appId, displayName: app.displayName ?? app.appId },
		});
	}
	const usedAttributes = flows.flatMap(collected);
	for (const attribute of tenant.attributes) {
		if (attribute.userFlowAttributeType !== 'custom' || !attribute.id) continue;
		if (usedAttributes.some((id) => sameId(id, attribute.id))) continue;
		findings.push({
			check: 'attributeUnused',
			attribute: { id: attribute.id, displayName: attribute.displayName ?? attribute.id },
		});
	}
	const usedProviders = flows.flatMap(offeredIds);
	for (const provider of tenant.providers) {
		// Built-in local accounts are always there; only providers someone configured are reported.
		if (!provider.id || !providerKind(provider)) continue;
		if (usedProviders.some((id) => sameId(id, provider.id))) continue;
		findings.push({
			check: 'providerUnused',
			provider: { id: provider.id, displayName: provider.displayName ?? provider.id },
		});
	}
	for (const flow of flows) {
		if (flow.onInteractiveAuthFlowStart?.isSignUpAllowed !== false) continue;
		// Email is how a sign-in finds the account; anything else is asked only at sign-up, which is off.
		const extra = collected(flow).filter((id) => !sameId(id, 'email'));
		if (extra.length > 0)
			findings.push({ check: 'signInOnlyCollects', flow: flowRef(flow), attributeIds: extra });
	}
	for (const flow of flows) {
		if (!flow.onAttributeCollection) continue;
		const layout = layoutFromFlow(flow);
		// The baseline is the page itself: a page without email is the service's business, not a render failure.
		const problems = validateLayout(layout, { baseline: layout });
		if (problems.length > 0) findings.push({ check: 'pageWontRender', flow: flowRef(flow), problems });
	}
	const groups = new Map<string, FlowRef[]>();
	for (const flow of flows) {
		const key = behaviour(flow);
		groups.set(key, [...(groups.get(key) ?? []), flowRef(flow)]);
	}
	for (const group of groups.values())
		if (group.length > 1) findings.push({ check: 'sameFlows', flows: group });
	if (method && !methodEnabledForAllUsers(method)) {
		const withPasswords = flows.filter((flow) => localAccountOf(flow) === 'emailPassword').map(flowRef);
		if (withPasswords.length > 0) findings.push({ check: 'passwordResetUnreachable', flows: withPasswords });
	}
	return findings;
}

/** Reads the tenant once and lints it; a check the token may not read for is skipped, saying so. */
export async function lintTenantNow(client: GraphClient): Promise<LintReport> {
	const skipped: SkippedCheck[] = [];
	const [tenant, method] = await Promise.all([
		readTenant(client, { extensions: false }),
		getEmailMethodConfiguration(client).catch((error: unknown) => {
			if (!isGraphError(error) || error.kind !== 'forbidden') throw error;
			skipped.push({
				check: 'passwordResetUnreachable',
				reason: `reading the email one-time passcode method needs ${error.requiredPermission ?? 'Policy.Read.AuthenticationMethod'}`,
			});
			return undefined;
		}),
	]);
	if (!tenant.applications) {
		skipped.push({ check: 'appWithoutFlow', reason: 'reading applications needs Application.Read.All' });
	}
	return { findings: lintTenant(tenant, method), skipped };
}
