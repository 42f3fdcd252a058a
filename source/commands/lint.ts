import { formatProblem } from '../layout/index.js';
import { type LintFinding, lintTenantNow } from '../operations/tenant-lint.js';
import { type Command, printJson } from './command.js';

// `entra-flows lint`: what in the tenant does nothing or would fail people at sign-up, each with its fix.
// Exit 0 when clean and 1 with findings, so it can gate a pipeline.

const quoted = (name: string) => `"${name}"`;

/** What a finding says and the command that fixes it. */
export function lintWords(finding: LintFinding): { message: string; fix: string } {
	switch (finding.check) {
		case 'flowWithoutApps':
			return {
				message: `The user flow ${quoted(finding.flow.displayName)} is used by no application: nobody can sign in through it.`,
				fix: `entra-flows apps link ${finding.flow.id} <app>  (or delete it: entra-flows flows delete ${finding.flow.id})`,
			};
		case 'appWithoutFlow':
			return {
				message: `The application ${quoted(finding.app.displayName)} (${finding.app.id}) uses no user flow: customers cannot sign up to it.`,
				fix: `entra-flows apps link <flow> ${finding.app.id}`,
			};
		case 'attributeUnused':
			return {
				message: `The custom attribute ${quoted(finding.attribute.displayName)} (${finding.attribute.id}) is collected by no flow.`,
				fix: `entra-flows attributes add <flow> ${finding.attribute.id}  (or entra-flows tenant attributes delete ${finding.attribute.id})`,
			};
		case 'providerUnused':
			return {
				message: `The identity provider ${quoted(finding.provider.displayName)} (${finding.provider.id}) is configured but offered by no flow.`,
				fix: `entra-flows providers add <flow> ${finding.provider.id}  (or entra-flows tenant providers delete ${finding.provider.id})`,
			};
		case 'signInOnlyCollects':
			return {
				message: `${quoted(finding.flow.displayName)} has sign-up off but still collects ${finding.attributeIds.join(', ')}: that page is never shown.`,
				fix: `entra-flows attributes remove ${finding.flow.id} <attribute>  (or entra-flows flows update ${finding.flow.id} --sign-up)`,
			};
		case 'pageWontRender':
			return {
				message: `The sign-up page of ${quoted(finding.flow.displayName)} would not render: ${finding.problems.map(formatProblem).join('; ')}.`,
				fix: `entra-flows layout show ${finding.flow.id} > page.json, fix it, then entra-flows layout set ${finding.flow.id} page.json`,
			};
		case 'sameFlows':
			return {
				message: `These user flows differ only by name: ${finding.flows.map((flow) => quoted(flow.displayName)).join(', ')}.`,
				fix: `move the apps to one of them (entra-flows apps link <flow> <app> --move), then entra-flows flows delete <the other>`,
			};
		case 'passwordResetUnreachable':
			return {
				message: `Password reset cannot be reached: ${finding.flows.map((flow) => quoted(flow.displayName)).join(', ')} offer Email with password, but the email one-time passcode method is not enabled for all users.`,
				fix: 'entra-flows tenant password-reset enable',
			};
		default: {
			const never: never = finding;
			return never;
		}
	}
}

const lint: Command = {
	path: ['lint'],
	usage: 'lint',
	summary:
		'Check the tenant: unused flows, apps, attributes and providers, pages that would not render, and more.',
	arity: [0, 0],
	async run(context) {
		const report = await lintTenantNow(await context.graph());
		if (context.json) {
			printJson(context, {
				findings: report.findings.map((finding) => ({ ...finding, ...lintWords(finding) })),
				skipped: report.skipped,
			});
		} else {
			for (const finding of report.findings) {
				const words = lintWords(finding);
				context.stdout(`- ${words.message}\n    fix: ${words.fix}\n`);
			}
			for (const skipped of report.skipped) context.stdout(`(skipped: ${skipped.reason})\n`);
			context.stdout(
				report.findings.length === 0
					? 'No findings: the tenant looks healthy.\n'
					: `${report.findings.length} finding(s).\n`,
			);
		}
		return report.findings.length === 0 ? 0 : 1;
	},
};

export const lintCommands: readonly Command[] = [lint];
