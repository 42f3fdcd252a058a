// The tenant screen's reads and its one switch (password reset), and a flow's history.
import { readFlowHistory } from '../../operations/flow-history.js';
import { disablePasswordReset, enablePasswordReset } from '../../operations/password-reset.js';
import { readTenantOverview } from '../../operations/tenant-overview.js';
import { selectResource } from '../selectors.js';
import type { Effect } from '../store.js';
import { type LoadOptions, load, operate } from './common.js';

/** Loads the tenant overview (one read of the tenant, plus the email method policy). */
export function loadTenantOverview(options: LoadOptions = {}): Effect {
	return load('tenantOverview', '', 'Reading the tenant', (graph) => readTenantOverview(graph), options);
}

/** Loads a flow's history from the audit log; a missing permission is data, not an error. */
export function loadFlowHistory(flowId: string, options: LoadOptions = {}): Effect {
	return load(
		'flowHistory',
		flowId,
		'Reading the flow’s history',
		(graph) => readFlowHistory(graph, flowId, { limit: 20 }),
		options,
	);
}

/** Switches password reset (the email one-time passcode method for all users) to the other state. */
export function switchPasswordReset(): Effect {
	const self: Effect = async (context) => {
		const overview = selectResource(context.getState(), 'tenantOverview').data;
		const on = !(overview?.passwordReset?.enabledForAllUsers ?? false);
		await operate(
			context,
			self,
			{
				id: 'password-reset',
				verb: `Turning password reset ${on ? 'on' : 'off'}`,
				failure: `Could not turn password reset ${on ? 'on' : 'off'}`,
				target: 'tenant:password-reset',
				permission: 'Policy.ReadWrite.AuthenticationMethod',
			},
			() => (on ? enablePasswordReset(context.deps.graph) : disablePasswordReset(context.deps.graph)),
			{
				done: () =>
					on
						? 'Password reset is on for all users (flows with Email with password)'
						: 'Password reset is off: the email one-time passcode method no longer targets all users',
				unchanged: () => `Password reset is ${on ? 'on' : 'off'} already`,
			},
			() => context.run(loadTenantOverview({ force: true })),
		);
	};
	return self;
}
