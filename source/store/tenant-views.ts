// What the tenant screen and a flow's History section show, as sanitized lines: the screens only lay them out.
import type { FlowHistory } from '../operations/flow-history.js';
import type { LintFinding } from '../operations/tenant-lint.js';
import type { TenantItem, TenantOverview } from '../operations/tenant-overview.js';
import { display } from '../text/sanitize.js';

/** Where an admin looks for a password-reset or profile flow: how External ID does them. */
export const oneFlowTypeLines: readonly string[] = [
	'External ID has one user flow type: sign-up and sign-in. Sign-in only is a flow with sign-up off.',
	'Password reset is not a flow: it is tenant-wide (the email one-time passcode method enabled for all users)',
	'and works for flows whose local account is Email with password. Profile update has no hosted page: apps call Graph.',
];

/** The password reset line of the Policies section. */
export function passwordResetLine(overview: TenantOverview): string {
	if (!overview.passwordReset) {
		return `Password reset: unknown (reading the email one-time passcode method ${display(overview.passwordResetUnavailable ?? 'was refused')})`;
	}
	const status = overview.passwordReset;
	const works = status.flows
		.filter((flow) => flow.passwordReset === 'works')
		.map((flow) => `“${display(flow.flow.displayName)}”`);
	const waiting = status.flows.filter((flow) => flow.passwordReset === 'off').length;
	return status.enabledForAllUsers
		? `Password reset: on for all users — works for ${works.length} flow(s)${works.length ? `: ${works.join(', ')}` : ''}`
		: `Password reset: off — ${waiting} flow(s) with Email with password cannot reset (p turns it on)`;
}

const quoted = (name: string) => `“${display(name)}”`;

/** One finding as a line, with the key or command that fixes it. */
export function findingLine(finding: LintFinding): { readonly text: string; readonly fix: string } {
	switch (finding.check) {
		case 'flowWithoutApps':
			return {
				text: `${quoted(finding.flow.displayName)} is used by no application`,
				fix: 'open it, 3, a: link an app',
			};
		case 'appWithoutFlow':
			return {
				text: `the app ${quoted(finding.app.displayName)} uses no user flow`,
				fix: 'a flow’s Applications (3), a',
			};
		case 'attributeUnused':
			return {
				text: `the attribute ${quoted(finding.attribute.displayName)} is collected by no flow`,
				fix: 'a flow’s Attributes (2), a',
			};
		case 'providerUnused':
			return {
				text: `the provider ${quoted(finding.provider.displayName)} is offered by no flow`,
				fix: 'a flow’s Identity providers (1), a',
			};
		case 'signInOnlyCollects':
			return {
				text: `${quoted(finding.flow.displayName)} has sign-up off but collects ${finding.attributeIds.map(display).join(', ')}`,
				fix: 'its Attributes (2), d — or s on the flow',
			};
		case 'pageWontRender':
			return {
				text: `the sign-up page of ${quoted(finding.flow.displayName)} would not render: ${display(finding.problems[0]?.message ?? '')}`,
				fix: 'open it, l: the page editor',
			};
		case 'sameFlows':
			return {
				text: `flows differ only by name: ${finding.flows.map((flow) => quoted(flow.displayName)).join(', ')}`,
				fix: 'move the apps, then d on one',
			};
		case 'passwordResetUnreachable':
			return {
				text: `password reset cannot be reached by ${finding.flows.map((flow) => quoted(flow.displayName)).join(', ')}`,
				fix: 'p',
			};
		default: {
			const never: never = finding;
			return never;
		}
	}
}

/** An attribute or provider row: name, kind, and the flows that use it. */
export function tenantItemLine(item: TenantItem, what: 'collected' | 'offered'): readonly string[] {
	const kind = item.dataType ? `${display(item.kind)}, ${display(item.dataType)}` : display(item.kind);
	const by = item.flows.length ? `${what} by ${item.flows.map(quoted).join(', ')}` : `${what} by no flow`;
	return [display(item.displayName), kind, by];
}

/** The History section's lines: newest first, or why there are none. */
export function historyLines(history: FlowHistory | undefined): readonly string[] {
	if (!history) return ['Reading the audit log…'];
	if (history.kind === 'forbidden') {
		return [
			`The audit log needs ${display(history.permission)} (or the Reports Reader role): history not shown.`,
			history.hint ? display(history.hint) : 'Grant it to the app you sign in with, then sign in again.',
		];
	}
	if (history.entries.length === 0) return ['No changes in the audit log.'];
	return history.entries.flatMap((entry) => [
		`${display(entry.when.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}  ${display(entry.who.name || 'unknown')}${entry.who.kind === 'app' ? ' (app)' : ''}  ${display(entry.activity)}`,
		...entry.changes.map(
			(change) => `    ${display(change.property)}: ${display(change.old)} → ${display(change.new)}`,
		),
	]);
}
