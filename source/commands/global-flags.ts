import { cloudNames } from '../config/clouds.js';
import type { FlagSpec } from './command.js';
import { outputFormats } from './output.js';

/** Flags every command accepts. */
export const globalFlags: readonly FlagSpec[] = [
	{
		name: 'json',
		type: 'boolean',
		description: 'print the Graph objects as JSON on stdout, nothing else (-o json)',
	},
	{
		name: 'output',
		type: 'string',
		short: 'o',
		value: 'FORMAT',
		description: 'print the data as json, jsonc (coloured), yaml, table, tsv or none',
		choices: outputFormats,
	},
	{
		name: 'query',
		type: 'string',
		value: 'JMESPATH',
		description: 'JMESPath applied to the data first, e.g. "[].{name: displayName, id: id}" (JSON unless -o)',
	},
	{
		name: 'graph-url',
		type: 'string',
		value: 'URL',
		description: 'service root incl. version, e.g. http://127.0.0.1:4000/v1.0 (env ENTRA_FLOWS_GRAPH_URL)',
	},
	{ name: 'beta', type: 'boolean', description: 'use the beta API instead of v1.0' },
	{
		name: 'cloud',
		type: 'string',
		value: 'NAME',
		description: 'global (default), china or usgov; user-flow APIs are documented for global only',
		choices: cloudNames,
	},
	{
		name: 'access-token',
		type: 'string',
		value: 'TOKEN',
		description: 'use this bearer token (prefer env ENTRA_FLOWS_ACCESS_TOKEN: argv is visible in ps)',
	},
	{
		name: 'ca-file',
		type: 'string',
		value: 'FILE',
		description: "trust this CA certificate (PEM) as well, e.g. the emulator's",
	},
	{
		name: 'tenant',
		type: 'string',
		value: 'T',
		description: 'tenant id or domain to sign in to (env AZURE_TENANT_ID; remembered by login)',
	},
	{
		name: 'client-id',
		type: 'string',
		value: 'ID',
		description:
			'app (client) id; default for device code: Microsoft Graph Command Line Tools (env AZURE_CLIENT_ID)',
	},
	{
		name: 'client-secret-file',
		type: 'string',
		value: 'FILE',
		description: 'app-only: read the client secret from FILE, or - for stdin (or env AZURE_CLIENT_SECRET)',
	},
	{
		name: 'certificate-file',
		type: 'string',
		value: 'FILE',
		description: 'app-only: PEM with key and certificate (or env AZURE_CLIENT_CERTIFICATE_PATH)',
	},
	{
		name: 'authority-host',
		type: 'string',
		value: 'URL',
		description: "sign-in host, e.g. the emulator's origin (env AZURE_AUTHORITY_HOST)",
	},
	{
		name: 'use-az',
		type: 'boolean',
		description: "sign in with the Azure CLI's sign-in (az account get-access-token); never prints the token",
	},
	{
		name: 'managed-identity',
		type: 'boolean',
		description:
			"sign in as this Azure machine's managed identity (user-assigned: --client-id or AZURE_CLIENT_ID)",
	},
	{
		name: 'profile',
		type: 'string',
		value: 'NAME',
		description: 'use a named profile (`profiles add`): its tenant, its own sign-in and token cache',
	},
	{ name: 'read-only', type: 'boolean', description: 'ask only for read permissions when signing in' },
	{
		name: 'no-cache',
		type: 'boolean',
		description: 'keep tokens in memory only; nothing is written to disk',
	},
	{
		name: 'verbose',
		type: 'boolean',
		short: 'v',
		description: 'one line per request on stderr: method, path, status, ms, request-id',
	},
	{ name: 'help', type: 'boolean', short: 'h', description: 'show help' },
	{ name: 'version', type: 'boolean', description: 'print the version' },
];
