// Self-service password reset in External ID is not a flow: it is tenant-wide. It works for a flow when the
// email one-time passcode method is enabled for all users and the flow's local account is Email with password.
// Enabling adds the `all_users` target (and turns the method on); disabling takes that target away and leaves
// the rest of the method's configuration (its state, exclusions, other targets) as it was.
import {
	type EmailMethodConfiguration,
	getEmailMethodConfiguration,
	type MethodTarget,
	updateEmailMethodConfiguration,
} from '../graph/auth-methods.js';
import type { GraphClient } from '../graph/graph-client.js';
import { sameId } from '../graph/ids.js';
import type { UserFlow } from '../graph/types.js';
import { done, type Outcome, unchanged } from './outcome.js';
import type { FlowRef } from './refusals.js';
import { sendWrite } from './send-write.js';
import { flowsWithProviders, offeredIds } from './tenant-providers.js';
import { flowRef } from './tenant-reads.js';

export const allUsers = 'all_users';
const emailPassword = 'EmailPassword-OAUTH';
const emailOtp = 'EmailOtpSignup-OAUTH';

/** How password reset stands for one flow. */
export type FlowPasswordReset = {
	readonly flow: FlowRef;
	/** The flow's local account: password, one-time passcode, or none (social providers only). */
	readonly localAccount: 'emailPassword' | 'emailOtp' | 'none';
	/** `works`; `off`: the flow has passwords but the method is not on for all users; `notApplicable`: no passwords. */
	readonly passwordReset: 'works' | 'off' | 'notApplicable';
};

/** The tenant's password reset, as read. */
export type PasswordResetStatus = {
	readonly method: EmailMethodConfiguration;
	/** The method is enabled and targets all users: the tenant's half of password reset. */
	readonly enabledForAllUsers: boolean;
	readonly flows: readonly FlowPasswordReset[];
};

const targetsAllUsers = (targets: readonly MethodTarget[] | undefined) =>
	(targets ?? []).some((target) => sameId(target.id, allUsers));

/** True when the method is the tenant's half of password reset: enabled, for all users. */
export function methodEnabledForAllUsers(method: EmailMethodConfiguration): boolean {
	return method.state === 'enabled' && targetsAllUsers(method.includeTargets);
}

/** A flow's local account, from the providers it offers. */
export function localAccountOf(flow: UserFlow): FlowPasswordReset['localAccount'] {
	const ids = offeredIds(flow);
	if (ids.some((id) => sameId(id, emailPassword))) return 'emailPassword';
	if (ids.some((id) => sameId(id, emailOtp))) return 'emailOtp';
	return 'none';
}

/** Password reset for each flow, given the method and the flows (with their providers). */
export function passwordResetOf(
	method: EmailMethodConfiguration,
	flows: readonly UserFlow[],
): PasswordResetStatus {
	const enabledForAllUsers = methodEnabledForAllUsers(method);
	return {
		method,
		enabledForAllUsers,
		flows: flows.map((flow) => {
			const localAccount = localAccountOf(flow);
			return {
				flow: flowRef(flow),
				localAccount,
				passwordReset:
					localAccount !== 'emailPassword' ? 'notApplicable' : enabledForAllUsers ? 'works' : 'off',
			};
		}),
	};
}

/** Reads the method and every flow's local account. */
export async function readPasswordReset(client: GraphClient): Promise<PasswordResetStatus> {
	const [method, flows] = await Promise.all([
		getEmailMethodConfiguration(client),
		flowsWithProviders(client),
	]);
	return passwordResetOf(method, flows);
}

/** Turns password reset on: the method enabled, with all users among its targets. On already is nothing to do. */
export async function enablePasswordReset(
	client: GraphClient,
	known?: EmailMethodConfiguration,
): Promise<Outcome<EmailMethodConfiguration, never>> {
	const method = known ?? (await getEmailMethodConfiguration(client));
	if (methodEnabledForAllUsers(method)) return unchanged('already');
	// all_users covers every other include target; exclusions are left as they are (not sent).
	const includeTargets: MethodTarget[] = [
		{ targetType: 'group', id: allUsers, isRegistrationRequired: false },
	];
	const sent = await sendWrite<void, never>(() =>
		updateEmailMethodConfiguration(client, { state: 'enabled', includeTargets }),
	);
	return sent.ok ? done({ ...method, state: 'enabled', includeTargets }) : sent.outcome;
}

/** Turns password reset off: all users taken out of the targets, nothing else changed. Off already is nothing to do. */
export async function disablePasswordReset(
	client: GraphClient,
	known?: EmailMethodConfiguration,
): Promise<Outcome<EmailMethodConfiguration, never>> {
	const method = known ?? (await getEmailMethodConfiguration(client));
	if (!methodEnabledForAllUsers(method)) return unchanged('already');
	const includeTargets = (method.includeTargets ?? []).filter((target) => !sameId(target.id, allUsers));
	const state = method.state === 'disabled' ? 'disabled' : 'enabled';
	const sent = await sendWrite<void, never>(() =>
		updateEmailMethodConfiguration(client, { state, includeTargets }),
	);
	return sent.ok ? done({ ...method, includeTargets }) : sent.outcome;
}
