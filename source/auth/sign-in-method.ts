/** How a provider signs in; `whoami` prints it. */
export type AuthMode =
	| 'access-token'
	| 'azure-cli'
	| 'client-secret'
	| 'client-certificate'
	| 'federated-token'
	| 'managed-identity'
	| 'device-code';

/** The parts of the configuration that decide the method. */
export type MethodInputs = {
	readonly accessToken?: string;
	readonly useAzureCli?: boolean;
	readonly clientSecret?: string;
	readonly certificatePath?: string;
	readonly federatedTokenFile?: string;
	readonly managedIdentity?: boolean;
};

const given = (value: string | undefined) => Boolean(value?.trim());

/**
 * The one method a configuration signs in with, first match wins: a supplied token; the Azure CLI when asked
 * (--use-az); then @azure/identity's order (EnvironmentCredential's client secret, then client certificate;
 * WorkloadIdentityCredential's federated token file; ManagedIdentityCredential when asked or detected);
 * else device code, for people. README "Signing in" lists the same order.
 */
export function signInMethod(inputs: MethodInputs): AuthMode {
	if (given(inputs.accessToken)) return 'access-token';
	if (inputs.useAzureCli) return 'azure-cli';
	if (given(inputs.clientSecret)) return 'client-secret';
	if (given(inputs.certificatePath)) return 'client-certificate';
	if (given(inputs.federatedTokenFile)) return 'federated-token';
	if (inputs.managedIdentity) return 'managed-identity';
	return 'device-code';
}
