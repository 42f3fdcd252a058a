import { displayKey } from './hints.js';
import { actions, type Scope } from './keymap.js';

const where: Record<Scope, string> = {
	global: 'everywhere',
	list: 'lists',
	flows: 'user flows',
	detail: 'flow detail',
	sublist: 'providers / attributes / apps',
	form: 'create form',
	'sign-in': 'sign-in',
	filter: 'filter box',
	text: 'text field',
	typing: 'any field being typed in',
	confirm: 'y/n dialog',
	'typed-confirm': 'delete dialog',
	picker: 'add-picker',
	help: 'help',
	attributes: 'attributes',
	layout: 'layout editor',
	'layout-options': 'layout options',
	'layout-conflict': 'layout conflict dialog',
	'layout-leave': 'leave-editor dialog',
	request: 'one request (requests)',
	run: 'run the flow',
	extensions: 'custom extensions',
	'extension-choice': 'extension list',
	'layout-preview': 'layout preview',
	tenant: 'tenant',
	'new-attribute': 'new attribute dialog',
	'apply-file': 'apply file',
	'tenant-switch': 'tenant switcher',
	'tenant-extensions': 'tenant extensions',
	'tenant-attributes': 'tenant attributes',
	'tenant-providers': 'tenant identity providers',
	'extension-form': 'extension form',
	'provider-form': 'identity provider form',
	'attribute-description': 'attribute description dialog',
};

/** The keymap as a Markdown table, for docs/keyboard-app.md (generated, never hand-edited). */
export function keymapMarkdown(): string {
	const lines = ['| Where | Keys | Action |', '| --- | --- | --- |'];
	for (const action of actions) {
		const keys = action.keys.map((key) => `\`${displayKey(key)}\``).join(' ');
		const scope = action.scopes.map((item) => where[item]).join(', ');
		lines.push(`| ${scope} | ${keys} | ${action.description.replaceAll('|', '\\|')} |`);
	}
	return `${lines.join('\n')}\n`;
}
