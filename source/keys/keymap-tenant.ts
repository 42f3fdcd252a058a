import type { KeyAction } from './keymap-types.js';

/** The tenant screen (policies, health, attributes, providers) and the key that opens it. */
export const tenantActions = [
	{
		id: 'tenant.open',
		keys: ['t'],
		scopes: ['flows'],
		label: 'tenant',
		description: 'Tenant: password reset, health, attributes, providers',
		showInFooter: true,
	},
	{
		id: 'tenant.passwordReset',
		keys: ['p'],
		scopes: ['tenant'],
		label: 'password reset on/off',
		description: 'Switch self-service password reset (the email one-time passcode method for all users)',
		showInFooter: true,
	},
] as const satisfies readonly KeyAction[];
