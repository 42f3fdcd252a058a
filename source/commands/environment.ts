/** A variable entra-flows reads, and what it does: docs/commands.md lists these (a test checks the source). */
export type Variable = { readonly name: string; readonly meaning: string };

export const environmentVariables: readonly Variable[] = [
	{ name: 'AZURE_TENANT_ID', meaning: 'tenant id or domain to sign in to (as --tenant)' },
	{
		name: 'AZURE_CLIENT_ID',
		meaning: 'app (client) id (as --client-id); with a managed identity, the user-assigned one',
	},
	{
		name: 'AZURE_CLIENT_SECRET',
		meaning: 'app-only sign-in with this client secret (prefer --client-secret-file)',
	},
	{ name: 'AZURE_CLIENT_CERTIFICATE_PATH', meaning: 'app-only sign-in with this PEM (key and certificate)' },
	{
		name: 'AZURE_FEDERATED_TOKEN_FILE',
		meaning:
			"workload identity federation: the file holding the pipeline's token (with AZURE_CLIENT_ID and AZURE_TENANT_ID)",
	},
	{ name: 'AZURE_AUTHORITY_HOST', meaning: "sign-in host (as --authority-host), e.g. the emulator's origin" },
	{
		name: 'IDENTITY_ENDPOINT',
		meaning: 'managed identity of App Service, Functions or Container Apps (with IDENTITY_HEADER)',
	},
	{ name: 'IDENTITY_HEADER', meaning: 'the secret header of IDENTITY_ENDPOINT (never printed)' },
	{ name: 'MSI_ENDPOINT', meaning: 'managed identity of Cloud Shell' },
	{
		name: 'IMDS_ENDPOINT',
		meaning: 'managed identity of Azure Arc, with IDENTITY_ENDPOINT (read by msal-node)',
	},
	{
		name: 'AZURE_POD_IDENTITY_AUTHORITY_HOST',
		meaning: 'managed identity endpoint of AKS pod identity (read by msal-node)',
	},
	{
		name: 'ENTRA_FLOWS_ACCESS_TOKEN',
		meaning: 'use this bearer token as is (safer than --access-token, which ps shows)',
	},
	{ name: 'ENTRA_FLOWS_GRAPH_URL', meaning: 'Graph service root with its version (as --graph-url)' },
	{ name: 'ENTRA_FLOWS_CLOUD', meaning: 'global, china or usgov (as --cloud)' },
	{ name: 'HTTPS_PROXY', meaning: 'send Graph and sign-in requests through this proxy' },
	{ name: 'NO_PROXY', meaning: 'hosts reached directly, not through HTTPS_PROXY' },
	{
		name: 'NODE_EXTRA_CA_CERTS',
		meaning: "trust these CA certificates too (Node's own; --ca-file does the same)",
	},
	{ name: 'XDG_CONFIG_HOME', meaning: 'where settings and profiles live (default ~/.config/entra-flows)' },
	{
		name: 'XDG_STATE_HOME',
		meaning:
			'where the token cache and the flow names for completion live (default ~/.local/state/entra-flows)',
	},
	{ name: 'NO_COLOR', meaning: 'the keyboard app uses no colours' },
	{
		name: 'ENTRA_FLOWS_DEMO_STATE_DIR',
		meaning: '--demo keeps each demo tenant in a file in this folder, so its changes outlive the app',
	},
	{
		name: 'LC_ALL',
		meaning:
			'a locale without UTF-8 (LC_ALL, else LC_CTYPE, else LANG): the keyboard app draws ASCII markers',
	},
	{ name: 'LC_CTYPE', meaning: 'see LC_ALL' },
	{ name: 'LANG', meaning: 'see LC_ALL' },
	{ name: 'TERM', meaning: 'dumb: the keyboard app is refused, as without a terminal' },
	{ name: 'FORCE_COLOR', meaning: '0: no colours (like NO_COLOR); 1 to 3: colours even with NO_COLOR set' },
	{ name: 'TMUX', meaning: 'set by tmux: the keyboard app sends the clipboard through tmux' },
	{
		name: 'CI',
		meaning:
			'ignored by the keyboard app in a terminal (Ink would otherwise hold every frame until exit); commands never look at it; CONTINUOUS_INTEGRATION likewise',
	},
];
