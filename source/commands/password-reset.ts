import {
	disablePasswordReset,
	enablePasswordReset,
	type PasswordResetStatus,
	readPasswordReset,
} from '../operations/password-reset.js';
import { formatTable } from '../text/table.js';
import { type Command, type CommandContext, dryRunFlag, printJson } from './command.js';
import { settle } from './refusal-words.js';

// Self-service password reset: shown per flow, switched tenant-wide (there is no password-reset flow).

/** Where an admin looking for a password-reset or profile-edit flow is told how External ID does it. */
export const oneFlowType =
	'External ID has one user flow type: sign-up and sign-in. Sign-in only is a flow with sign-up off. Password reset is not a flow: it is tenant-wide (the email one-time passcode method enabled for all users) and works for flows whose local account is Email with password. Profile update has no hosted page: apps call Graph (PATCH /me).';

const localAccountWords = {
	emailPassword: 'Email with password',
	emailOtp: 'Email one-time passcode',
	none: '(none: other providers only)',
} as const;

const resetWords = {
	works: 'works',
	off: 'off (turn on: entra-flows tenant password-reset enable)',
	notApplicable: 'n/a (no passwords to reset)',
} as const;

function methodLine(status: PasswordResetStatus): string {
	const method = status.method;
	const targets = (method.includeTargets ?? []).map((target) => target.id).join(', ') || 'none';
	const excluded = (method.excludeTargets ?? []).map((target) => target.id).join(', ');
	return `Email one-time passcode method: ${method.state ?? 'unknown'}, targets: ${targets}${excluded ? `, excluded: ${excluded}` : ''} → password reset is ${status.enabledForAllUsers ? 'ON for all users' : 'OFF'}.`;
}

async function show(context: CommandContext): Promise<void> {
	const status = await readPasswordReset(await context.graph());
	if (context.json) {
		return printJson(context, {
			enabledForAllUsers: status.enabledForAllUsers,
			method: status.method,
			flows: status.flows.map((flow) => ({
				...flow.flow,
				localAccount: flow.localAccount,
				passwordReset: flow.passwordReset,
			})),
		});
	}
	context.stdout(`${oneFlowType}\n\n${methodLine(status)}\n\n`);
	context.stdout(
		`${formatTable(
			status.flows,
			[
				{ header: 'FLOW', value: (flow) => flow.flow.displayName },
				{ header: 'LOCAL ACCOUNT', value: (flow) => localAccountWords[flow.localAccount] },
				{ header: 'PASSWORD RESET', value: (flow) => resetWords[flow.passwordReset] },
			],
			context.columns,
		)}\n`,
	);
}

const base: Command = {
	path: ['tenant', 'password-reset'],
	usage: 'tenant password-reset [show]',
	summary: 'Show whether self-service password reset works for each flow (it is tenant-wide, not a flow).',
	arity: [0, 0],
	run: show,
};

const showCommand: Command = {
	...base,
	path: ['tenant', 'password-reset', 'show'],
	usage: 'tenant password-reset show',
};

function switchCommand(on: boolean): Command {
	const verb = on ? 'enable' : 'disable';
	return {
		path: ['tenant', 'password-reset', verb],
		usage: `tenant password-reset ${verb} [--dry-run]`,
		summary: on
			? 'Turn on password reset: the email one-time passcode method, enabled for all users.'
			: 'Turn off password reset: all users taken out of the email one-time passcode method (nothing else changed).',
		arity: [0, 0],
		flags: [dryRunFlag],
		async run(context) {
			const client = await context.graph();
			const outcome = settle(await (on ? enablePasswordReset(client) : disablePasswordReset(client)));
			if (context.dryRun) return;
			const status = await readPasswordReset(client);
			if (context.json)
				return printJson(context, { enabledForAllUsers: status.enabledForAllUsers, method: status.method });
			if (outcome.kind === 'unchanged') {
				return context.stdout(`Password reset is ${on ? 'on' : 'off'} already; nothing to do.\n`);
			}
			const reachable = status.flows
				.filter((flow) => flow.passwordReset === 'works')
				.map((flow) => `"${flow.flow.displayName}"`);
			context.stdout(
				on
					? `Password reset is on for all users. It works for ${reachable.length} flow(s)${reachable.length ? `: ${reachable.join(', ')}` : ''}; flows need Email with password as their local account.\n`
					: 'Password reset is off: the email one-time passcode method no longer targets all users.\n',
			);
		},
	};
}

export const passwordResetCommands: readonly Command[] = [
	base,
	showCommand,
	switchCommand(true),
	switchCommand(false),
];
