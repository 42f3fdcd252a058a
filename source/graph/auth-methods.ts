import type { GraphClient } from './graph-client.js';

// The email one-time passcode authentication method configuration: enabled for all users, it is the tenant's
// half of self-service password reset (the other half is a flow offering Email with password).

const emailPath = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/email';
export const emailMethodType = '#microsoft.graph.emailAuthenticationMethodConfiguration';

/** A target of a method configuration (`all_users` is the documented pseudo-group of everyone). */
export type MethodTarget = {
	readonly targetType?: string;
	readonly id?: string;
	readonly isRegistrationRequired?: boolean;
};

/** emailAuthenticationMethodConfiguration as read. */
export type EmailMethodConfiguration = {
	readonly '@odata.type'?: string;
	readonly id?: string;
	readonly state?: string;
	readonly allowExternalIdToUseEmailOtp?: string;
	readonly includeTargets?: readonly MethodTarget[];
	readonly excludeTargets?: readonly MethodTarget[];
};

/** Reads the email method configuration. */
export async function getEmailMethodConfiguration(client: GraphClient): Promise<EmailMethodConfiguration> {
	const body = await client.request<EmailMethodConfiguration>('GET', emailPath, {
		permission: 'Policy.Read.AuthenticationMethod',
	});
	return body ?? {};
}

/** Changes the email method configuration (the type is always sent: the update page requires it). */
export async function updateEmailMethodConfiguration(
	client: GraphClient,
	changes: {
		readonly state: 'enabled' | 'disabled';
		readonly includeTargets?: readonly MethodTarget[];
		readonly excludeTargets?: readonly MethodTarget[];
		readonly allowExternalIdToUseEmailOtp?: string;
	},
): Promise<void> {
	await client.request('PATCH', emailPath, {
		body: { '@odata.type': emailMethodType, ...changes },
		permission: 'Policy.ReadWrite.AuthenticationMethod',
	});
}
