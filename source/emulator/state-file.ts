import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { TenantState } from './types.js';

const format = 'entra-flows-emulator-state';

function isTenant(value: unknown): value is TenantState {
	if (typeof value !== 'object' || value === null) return false;
	const state = value as Record<string, unknown>;
	return (
		typeof state.tenantId === 'string' &&
		typeof state.extensionsAppId === 'string' &&
		['flows', 'providers', 'attributes', 'applications'].every((key) => Array.isArray(state[key]))
	);
}

/** Reads a saved tenant; null when the file does not exist; throws an Error naming the file when it is unusable. */
export function loadState(path: string): TenantState | null {
	if (!existsSync(path)) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new Error(
			`Emulator state file ${path} is corrupt (${(error as Error).message}). Delete it to start from the seed.`,
		);
	}
	const record = parsed as { format?: unknown; tenant?: unknown } | null;
	if (record?.format !== format || !isTenant(record.tenant)) {
		throw new Error(
			`Emulator state file ${path} is corrupt: it is not an ${format} file. Delete it to start from the seed.`,
		);
	}
	return upgraded(record.tenant);
}

// Files written before the tenant had extensions, customers and sign-in logs load with empty ones.
function upgraded(tenant: TenantState): TenantState {
	const partial = tenant as Partial<TenantState> & TenantState;
	return {
		...partial,
		displayName: partial.displayName ?? 'Contoso Customers',
		verifiedDomains: partial.verifiedDomains ?? [],
		customAuthenticationExtensions: partial.customAuthenticationExtensions ?? [],
		customers: partial.customers ?? [],
		signInLogs: partial.signInLogs ?? [],
		applications: partial.applications.map((application) => ({
			...application,
			web: application.web ?? {
				redirectUris: [],
				enableIdTokenIssuance: false,
				enableAccessTokenIssuance: false,
			},
			spa: application.spa ?? { redirectUris: [] },
			publicClient: application.publicClient ?? { redirectUris: [] },
			grantedGraphAppRoles: application.grantedGraphAppRoles ?? [],
		})),
	};
}

/** Writes the tenant atomically: a temp file next to the target, then rename over it. */
export function saveState(path: string, state: TenantState): void {
	const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
	try {
		writeFileSync(temporary, `${JSON.stringify({ format, version: 1, tenant: state })}\n`, { mode: 0o600 });
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
}
