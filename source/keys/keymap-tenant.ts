import type { KeyAction } from './keymap-types.js';

/** The tenant screen (policies, health, attributes, providers) and the key that opens it (T rather than t, which names typed ahead of the create form hold more often). */
export const tenantActions = [
	{
		id: 'tenant.open',
		keys: ['T'],
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
	{
		id: 'tenant.newAttribute',
		keys: ['n'],
		scopes: ['tenant'],
		label: 'new attribute',
		description: 'Create a custom attribute (its data type can never change)',
		showInFooter: true,
	},
	{
		id: 'newAttribute.next',
		keys: ['tab'],
		scopes: ['new-attribute'],
		label: 'next field',
		description: 'Next field: name, data type, description',
		showInFooter: true,
		whileTyping: true,
	},
	{
		id: 'newAttribute.type',
		keys: ['space'],
		scopes: ['new-attribute'],
		label: 'data type',
		description: 'Next data type: string, boolean, int64 (on the data type field)',
		showInFooter: true,
	},
	{
		id: 'newAttribute.create',
		keys: ['enter'],
		scopes: ['new-attribute'],
		label: 'create',
		description: 'Create the attribute (and collect it on the flow, from its picker)',
		showInFooter: true,
		whileTyping: true,
	},
	{
		id: 'newAttribute.cancel',
		keys: ['esc'],
		scopes: ['new-attribute'],
		label: 'cancel',
		description: 'Close without creating anything',
		showInFooter: true,
		whileTyping: true,
	},
] as const satisfies readonly KeyAction[];
