/** One example for --help: what it does, and the command line (without `entra-flows`). */
export type Example = { readonly what: string; readonly run: string };

// Every command's --help ends with these; a test runs each through the argument parser, so they stay callable.
// A command may carry its own `examples` instead (a new command need not touch this file).
export const examples: Readonly<Record<string, readonly Example[]>> = {
	'flows extensions': [
		{
			what: 'which extensions run at attribute collection start and submit',
			run: 'flows extensions "Customers sign-up"',
		},
	],
	'flows extensions set': [
		{
			what: 'run an extension when the attribute page is submitted',
			run: 'flows extensions set "Customers sign-up" submit "Check sign-up details"',
		},
	],
	'flows extensions clear': [
		{
			what: 'stop running the start extension (where the service allows it)',
			run: 'flows extensions clear "Customers sign-up" start',
		},
	],
	'flows run': [
		{
			what: 'the sign-in link of the flow, with a QR code for a phone',
			run: 'flows run "Customers sign-up"',
		},
		{
			what: 'for one app, in German, as JSON with the PKCE verifier',
			run: 'flows run "Customers sign-up" --app "Contoso Storefront" --locale de-DE --json',
		},
	],
	'flows history': [
		{ what: 'who changed the flow, newest first', run: 'flows history "Customers sign-up"' },
		{
			what: 'since a day, at most 20 changes',
			run: 'flows history "Customers sign-up" --since 2026-11-01 --top 20',
		},
	],
	'tenant providers get': [
		{ what: 'one identity provider of the tenant', run: 'tenant providers get Google-OAUTH' },
	],
	'tenant providers add': [
		{
			what: 'configure Google sign-in, the secret read from standard input',
			run: 'tenant providers add google --client-id 1234.apps.googleusercontent.com --client-secret-file -',
		},
	],
	'tenant providers update': [
		{
			what: 'give Google a new client secret from a file',
			run: 'tenant providers update Google-OAUTH --client-secret-file google.secret',
		},
	],
	'tenant providers delete': [
		{
			what: 'remove Facebook sign-in from the tenant (no flow may offer it)',
			run: 'tenant providers delete Facebook-OAUTH',
		},
	],
	'extensions list': [{ what: "the tenant's custom authentication extensions", run: 'extensions list' }],
	'extensions show': [
		{ what: 'one extension, with the flows that run it', run: 'extensions show "Check sign-up details"' },
	],
	'extensions create': [
		{
			what: 'an extension called when the attribute page is submitted',
			run: 'extensions create --event submit --name "Check sign-up details" --url https://api.contoso.com/check --resource api://api.contoso.com/00000000-0000-0000-0000-000000000001',
		},
	],
	'extensions update': [
		{ what: 'a longer timeout', run: 'extensions update "Check sign-up details" --timeout 2000' },
	],
	'extensions delete': [
		{ what: 'delete one no flow runs any more', run: 'extensions delete "Check sign-up details"' },
	],
	'extensions validate': [
		{ what: 'ask the service to check an extension', run: 'extensions validate "Check sign-up details"' },
	],
	'tenant password-reset': [
		{ what: 'whether customers can reset their password', run: 'tenant password-reset' },
	],
	'tenant password-reset show': [
		{ what: 'the policy, and what it means for each flow', run: 'tenant password-reset show' },
	],
	'tenant password-reset enable': [
		{ what: 'let customers reset their password with a one-time code', run: 'tenant password-reset enable' },
	],
	'tenant password-reset disable': [
		{ what: 'switch password reset off', run: 'tenant password-reset disable' },
	],
	lint: [
		{ what: "check the tenant's flows; exit 1 when something is found", run: 'lint' },
		{ what: 'the findings as JSON for a pipeline', run: 'lint --json' },
	],
	'flows list': [
		{ what: 'every user flow, as a table for people', run: 'flows list' },
		{
			what: 'names and ids only, as tab-separated lines for a script',
			run: 'flows list --query "[].[displayName, id]" -o tsv',
		},
	],
	'flows get': [
		{ what: 'one flow by its display name', run: 'flows get "Customers sign-up"' },
		{
			what: 'its identity providers as YAML',
			run: 'flows get "Customers sign-up" --query "onAuthenticationMethodLoadStart.identityProviders" -o yaml',
		},
	],
	'flows create': [
		{
			what: 'a sign-up flow with email and Google, collecting two attributes',
			run: 'flows create --name "Customers sign-up" --provider EmailPassword-OAUTH --provider Google-OAUTH --attribute email --attribute displayName',
		},
		{
			what: 'see the request first, send nothing',
			run: 'flows create --name "Partners" --no-sign-up --dry-run',
		},
	],
	'flows update': [
		{ what: 'switch sign-up off (sign-in only)', run: 'flows update "Customers sign-up" --no-sign-up' },
		{ what: 'rename it', run: 'flows update "Customers sign-up" --name "Customers"' },
	],
	'flows delete': [
		{ what: 'delete after typing its name to confirm', run: 'flows delete "Old campaign"' },
		{ what: 'in a script: no question asked', run: 'flows delete "Old campaign" --yes' },
	],
	'flows clone': [
		{
			what: 'a copy to try changes on (apps are not linked to it)',
			run: 'flows clone "Customers sign-up" --name "Customers sign-up (test)"',
		},
	],
	'providers list': [{ what: "a flow's identity providers", run: 'providers list "Customers sign-up"' }],
	'providers add': [
		{ what: 'offer Facebook on a flow', run: 'providers add "Customers sign-up" Facebook-OAUTH' },
	],
	'providers remove': [
		{ what: 'stop offering Google', run: 'providers remove "Customers sign-up" Google-OAUTH' },
	],
	'attributes list': [
		{ what: "a flow's attributes in page order", run: 'attributes list "Customers sign-up"' },
	],
	'attributes add': [{ what: 'collect the city too', run: 'attributes add "Customers sign-up" city' }],
	'attributes remove': [
		{ what: 'stop collecting the city', run: 'attributes remove "Customers sign-up" city' },
	],
	'layout show': [
		{ what: "the sign-up page's inputs for people", run: 'layout show "Customers sign-up"' },
		{
			what: 'to a file, to edit and send back with layout set',
			run: 'layout show "Customers sign-up" --json',
		},
	],
	'layout set': [
		{
			what: 'save an edited page (refused if it changed meanwhile)',
			run: 'layout set "Customers sign-up" --file layout.json',
		},
		{
			what: 'check the file and see the request only',
			run: 'layout set "Customers sign-up" --file layout.json --dry-run',
		},
	],
	'apps list': [{ what: 'the apps that use a flow', run: 'apps list "Customers sign-up"' }],
	'apps link': [
		{ what: 'make an app use this flow', run: 'apps link "Customers sign-up" Storefront' },
		{
			what: 'take the app from the flow it uses now',
			run: 'apps link "Customers sign-up" Storefront --move',
		},
	],
	'apps unlink': [
		{ what: 'the app stops using the flow', run: 'apps unlink "Customers sign-up" Storefront' },
	],
	'tenant providers': [{ what: "the tenant's identity providers, to add to flows", run: 'tenant providers' }],
	'tenant attributes': [
		{ what: 'built-in and custom attributes of the tenant', run: 'tenant attributes' },
		{
			what: 'custom ones only, as JSON',
			run: 'tenant attributes --query "[?userFlowAttributeType==\'custom\']"',
		},
	],
	'tenant attributes create': [
		{
			what: 'a custom attribute flows can collect',
			run: 'tenant attributes create --name LoyaltyNumber --type string --description "Card number"',
		},
	],
	'tenant attributes update': [
		{
			what: 'change what its description says',
			run: 'tenant attributes update extension_LoyaltyNumber --description "Loyalty card number"',
		},
	],
	'tenant attributes delete': [
		{
			what: 'delete a custom attribute, in a script',
			run: 'tenant attributes delete extension_LoyaltyNumber --yes',
		},
	],
	'tenant apps': [{ what: "the tenant's app registrations, to link to flows", run: 'tenant apps' }],
	export: [
		{ what: 'one flow as YAML on stdout', run: 'export "Customers sign-up"' },
		{ what: 'every flow into a folder, one file each', run: 'export --all --out flows/' },
	],
	plan: [
		{ what: 'what apply would change, sending nothing', run: 'plan flows/' },
		{ what: 'including deleting flows the folder does not have', run: 'plan flows/ --prune' },
	],
	apply: [
		{ what: 'make the tenant what the folder says (asks first)', run: 'apply flows/' },
		{ what: 'in a pipeline', run: 'apply flows/ --yes' },
	],
	diff: [
		{ what: 'a tenant (its profile) against a folder', run: 'diff @prod flows/' },
		{ what: 'two tenants (profiles)', run: 'diff @dev @prod' },
	],
	schema: [{ what: 'the JSON Schema of flow files, for an editor', run: 'schema' }],
	login: [
		{
			what: 'sign in with a device code and remember the tenant',
			run: 'login --tenant contoso.onmicrosoft.com',
		},
		{ what: 'ask for read permissions only', run: 'login --tenant contoso.onmicrosoft.com --read-only' },
	],
	logout: [{ what: 'forget the saved sign-in', run: 'logout' }],
	whoami: [
		{ what: 'who is signed in, and with which permissions', run: 'whoami' },
		{ what: "the token's expiry alone", run: 'whoami --query expiresAt -o tsv' },
	],
	'profiles add': [
		{ what: 'a second tenant under a name', run: 'profiles add prod --tenant contoso.onmicrosoft.com' },
	],
	'profiles list': [{ what: 'the saved profiles', run: 'profiles list' }],
	'profiles use': [{ what: 'make a profile the default', run: 'profiles use prod' }],
	'profiles remove': [{ what: 'forget a profile', run: 'profiles remove prod' }],
	completion: [
		{ what: 'complete commands, flags and flow names in bash (add to ~/.bashrc)', run: 'completion bash' },
		{ what: 'in fish', run: 'completion fish' },
		{
			what: 'in PowerShell (pipe it to Out-String | Invoke-Expression in $PROFILE)',
			run: 'completion powershell',
		},
	],
	emulator: [
		{ what: 'an offline tenant to try commands against', run: 'emulator --port 4000' },
		{
			what: 'one whose next write gets a 429 with Retry-After',
			run: 'emulator --port 4000 --faults F-T1:retry-after=2:times=1',
		},
	],
};
