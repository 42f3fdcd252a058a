/** Where an action is live. Screens register the scopes they use; higher layers shadow lower ones. */
export type Scope =
	| 'global'
	| 'list'
	| 'flows'
	| 'detail'
	| 'sublist'
	| 'form'
	| 'sign-in'
	| 'filter'
	| 'text'
	| 'confirm'
	| 'typed-confirm'
	| 'picker'
	| 'help'
	| 'attributes'
	| 'layout'
	| 'layout-options'
	| 'layout-conflict'
	| 'layout-leave'
	| 'request'
	| 'apply-file'
	| 'tenant-switch';

/** One row of the keymap: the single source for routing, the footer, the help overlay and the docs. */
export type KeyAction = {
	readonly id: string;
	/** Key strings as normalize.ts produces them: 'j', 'G', 'enter', 'shift+tab', 'ctrl+r'. */
	readonly keys: readonly string[];
	readonly scopes: readonly Scope[];
	/** Short footer label. */
	readonly label: string;
	/** Longer text for the help overlay and docs/keybindings.md. */
	readonly description: string;
	/** How the footer shows the keys, when not the first key. */
	readonly hint?: string;
	readonly showInFooter?: boolean;
	/** Live while a text field has the keys (printable keys are always text there). */
	readonly whileTyping?: boolean;
	/** Destructive: drawn in the warning colour. */
	readonly danger?: boolean;
	/** Live under dialogs too (help and ctrl+c). */
	readonly everywhere?: boolean;
	/** A widget handles the key itself (the picker's list); the router only keeps it from lower layers. */
	readonly byComponent?: boolean;
};
