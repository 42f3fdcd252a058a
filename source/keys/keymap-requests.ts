import type { KeyAction } from './keymap-types.js';

/** The request inspector: the global key that opens it and the copy keys of one request. */
export const requestActions = [
	{
		id: 'requests.toggle',
		keys: ['ctrl+g'],
		scopes: ['global'],
		label: 'requests',
		description: 'Show the Graph requests this session made (again to go back)',
		showInFooter: true,
		// Not printable, so it works from forms and filters too: inspect a refused create without leaving it.
		whileTyping: true,
		// Over a dialog too: see what a confirm is about to undo, or why a save was refused, without losing it.
		everywhere: true,
	},
	{
		id: 'request.copyCurl',
		keys: ['c'],
		scopes: ['request'],
		label: 'copy curl',
		description: 'Copy the request as curl (the token is left as $TOKEN; OSC 52)',
		showInFooter: true,
	},
	{
		id: 'request.copyAzRest',
		keys: ['a'],
		scopes: ['request'],
		label: 'copy az rest',
		description: 'Copy the request as az rest (OSC 52)',
		showInFooter: true,
	},
	{
		id: 'request.copyPowerShell',
		keys: ['p'],
		scopes: ['request'],
		// pwsh, not PowerShell: the longer label pushes "esc back" off an 80-column footer.
		label: 'copy pwsh',
		description: 'Copy the request as Invoke-MgGraphRequest (OSC 52)',
		showInFooter: true,
	},
	// Scrolling the detail has its own rows, kept out of the footer so esc back still fits at 80 columns.
	{
		id: 'request.down',
		keys: ['j', 'down'],
		scopes: ['request'],
		label: 'scroll',
		description: 'Scroll down one line',
	},
	{
		id: 'request.up',
		keys: ['k', 'up'],
		scopes: ['request'],
		label: 'scroll up',
		description: 'Scroll up one line',
	},
	{
		id: 'request.pageDown',
		keys: ['pgdn', 'ctrl+f'],
		scopes: ['request'],
		label: 'page down',
		description: 'Scroll one page down',
	},
	{
		id: 'request.pageUp',
		keys: ['pgup', 'ctrl+b'],
		scopes: ['request'],
		label: 'page up',
		description: 'Scroll one page up',
	},
	{
		id: 'request.top',
		keys: ['g', 'home'],
		scopes: ['request'],
		label: 'top',
		description: 'Scroll to the top',
	},
	{
		id: 'request.bottom',
		keys: ['G', 'end'],
		scopes: ['request'],
		label: 'bottom',
		description: 'Scroll to the end',
	},
] as const satisfies readonly KeyAction[];
