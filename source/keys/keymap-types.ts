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
	/** Live in whatever field takes typed text: the cursor and erase keys. */
	| 'typing'
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
	| 'run'
	| 'extensions'
	| 'extension-choice'
	| 'layout-preview'
	| 'tenant'
	| 'new-attribute'
	| 'apply-file'
	| 'tenant-switch'
	| 'tenant-extensions'
	| 'tenant-attributes'
	| 'tenant-providers'
	| 'extension-form'
	| 'provider-form'
	| 'attribute-description';

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
	/** What the help says instead on a screen where the action `live` names is not live (esc without a filter). */
	readonly unless?: { readonly live: string; readonly description: string };
	/** An error or warning on screen is dismissed first; the action runs on the next press (esc's rule). */
	readonly dismissesFirst?: boolean;
	/** A widget handles the key itself (the picker's list); the router only keeps it from lower layers. */
	readonly byComponent?: boolean;
};
