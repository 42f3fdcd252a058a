import { dialogActions } from './keymap-dialogs.js';
import { flowCodeActions } from './keymap-flow-code.js';
import { layoutActions } from './keymap-layout.js';
import { requestActions } from './keymap-requests.js';
import { runActions } from './keymap-run.js';
import { screenActions } from './keymap-screens.js';
import { tenantActions } from './keymap-tenant.js';
import { tenantListActions } from './keymap-tenant-lists.js';
import type { KeyAction } from './keymap-types.js';

export type { KeyAction, Scope } from './keymap-types.js';

const move = { hint: '↑↓', label: 'move', showInFooter: true } as const;

/** Global keys and list movement. */
const baseActions = [
	{
		id: 'help.toggle',
		keys: ['?'],
		scopes: ['global'],
		label: 'help',
		description: 'Show or hide the keys for this screen',
		showInFooter: true,
		everywhere: true,
	},
	{
		id: 'app.quit',
		keys: ['q'],
		scopes: ['global'],
		label: 'quit',
		description: 'Quit (asks first while a change is in flight or typed work would be lost)',
		showInFooter: true,
	},
	{
		id: 'app.interrupt',
		keys: ['ctrl+c'],
		scopes: ['global'],
		label: 'quit',
		description: 'Quit, even while typing (asks first like q)',
		whileTyping: true,
		everywhere: true,
	},
	{
		id: 'nav.back',
		keys: ['esc'],
		scopes: ['global'],
		label: 'back',
		description: 'Go back: clear the filter, then return to the previous screen; dismisses an error first',
		unless: {
			live: 'list.filter',
			description: 'Go back to the previous screen; dismisses an error first',
		},
		dismissesFirst: true,
		showInFooter: true,
		whileTyping: true,
	},
	{
		id: 'screen.refresh',
		keys: ['ctrl+r'],
		scopes: ['global'],
		label: 'refresh',
		description: 'Read this screen again from Microsoft Graph',
		showInFooter: true,
		whileTyping: true,
	},
	{
		id: 'list.down',
		keys: ['j', 'down'],
		scopes: ['list'],
		description: 'Move down',
		whileTyping: true,
		...move,
	},
	{
		id: 'list.up',
		keys: ['k', 'up'],
		scopes: ['list'],
		label: 'up',
		description: 'Move up',
		whileTyping: true,
	},
	{ id: 'list.top', keys: ['g', 'home'], scopes: ['list'], label: 'top', description: 'Go to the first row' },
	{
		id: 'list.bottom',
		keys: ['G', 'end'],
		scopes: ['list'],
		label: 'bottom',
		description: 'Go to the last row',
	},
	{
		id: 'list.pageDown',
		keys: ['pgdn', 'ctrl+f'],
		scopes: ['list'],
		label: 'page down',
		description: 'Move one page down',
		whileTyping: true,
	},
	{
		id: 'list.pageUp',
		keys: ['pgup', 'ctrl+b'],
		scopes: ['list'],
		label: 'page up',
		description: 'Move one page up',
		whileTyping: true,
	},
	{
		id: 'item.open',
		keys: ['enter'],
		scopes: ['list'],
		label: 'open',
		description: 'Open the selected row',
		showInFooter: true,
	},
] as const satisfies readonly KeyAction[];

/** The default keymap, the one table: routing, the footer, the help overlay and the docs all read it. */
export const keymap = [
	...baseActions,
	...screenActions,
	...dialogActions,
	...layoutActions,
	...requestActions,
	...runActions,
	...tenantActions,
	...tenantListActions,
	...flowCodeActions,
] as const;

/** The keymap widened to plain rows, for code that searches it. */
export const actions: readonly KeyAction[] = keymap;

/** Every action id. */
export type ActionId = (typeof keymap)[number]['id'];

const byId = new Map<string, KeyAction>(keymap.map((action) => [action.id, action]));

/** The keymap row for an id. */
export function actionById(id: ActionId): KeyAction {
	return byId.get(id) as KeyAction;
}
