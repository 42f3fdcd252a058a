/** A national cloud: where to sign in and where Graph lives. */
export type Cloud = {
	readonly name: CloudName;
	readonly authorityHost: string;
	readonly graphHost: string;
};

export const cloudNames = ['global', 'china', 'usgov'] as const;
export type CloudName = (typeof cloudNames)[number];

// The user-flow APIs are documented for the global cloud only (graph-api.md §1.7); the others are offered as-is.
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
