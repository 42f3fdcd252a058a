/** A national cloud: where to sign in and where Graph lives. */
export type Cloud = {
	readonly name: CloudName;
	readonly authorityHost: string;
	readonly graphHost: string;
};

export const cloudNames = ['global', 'china', 'usgov'] as const;
export type CloudName = (typeof cloudNames)[number];

// The user-flow APIs are documented for the global cloud only; the others are offered as-is, untested.
export const clouds: Readonly<Record<CloudName, Cloud>> = {
	global: {
		name: 'global',
		authorityHost: 'https://login.microsoftonline.com',
		graphHost: 'https://graph.microsoft.com',
	},
	china: {
		name: 'china',
		authorityHost: 'https://login.partner.microsoftonline.cn',
		graphHost: 'https://microsoftgraph.chinacloudapi.cn',
	},
	usgov: {
		name: 'usgov',
		authorityHost: 'https://login.microsoftonline.us',
		graphHost: 'https://graph.microsoft.us',
	},
};

// Sign-in hosts of Microsoft's clouds (msal-node's compiled-in hosts and their aliases), and External ID's
// customer sign-in hosts: behind any of them Graph is the cloud's own.
const microsoftSignInHosts = new Set([
	'login.microsoftonline.com',
	'login.microsoft.com',
	'login.windows.net',
	'sts.windows.net',
	'login.partner.microsoftonline.cn',
	'login.chinacloudapi.cn',
	'login.microsoftonline.us',
	'login.usgovcloudapi.net',
	'login-us.microsoftonline.com',
	'login.microsoftonline.de',
	'login.sovcloud-identity.fr',
	'login.sovcloud-identity.de',
	'login.sovcloud-identity.sg',
]);

/** True for a Microsoft sign-in host (an authority host URL or a bare host name). */
export function isMicrosoftSignInHost(authorityHost: string): boolean {
	let host: string;
	try {
		host = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(authorityHost) ? authorityHost : `https://${authorityHost}`)
			.hostname;
	} catch {
		return false;
	}
	return microsoftSignInHosts.has(host) || host.endsWith('.ciamlogin.com');
}
