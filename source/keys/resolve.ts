import { type ActionId, actions, type KeyAction, type Scope } from './keymap.js';
import { isPrintable } from './normalize.js';
import type { DisabledReason } from './registry.js';
import type { TextEdit } from './text-edit.js';

/** How high a layer sits; overlay and help are modal (nothing below them sees keys). */
export type Level = 'global' | 'screen' | 'capture' | 'overlay' | 'help';

const rank: Record<Level, number> = { global: 0, screen: 1, capture: 2, overlay: 3, help: 4 };
const modal: ReadonlySet<Level> = new Set(['overlay', 'help']);

/** What the resolver needs to know about one registered layer. */
export type LayerView = {
	readonly seq: number;
	readonly level: Level;
	readonly scopes: readonly Scope[];
	readonly handles: (id: ActionId) => boolean;
	readonly disabledReason: (id: ActionId) => DisabledReason | undefined;
	readonly captures: boolean;
};

/** The result of one key press. */
export type Resolution<L extends LayerView> =
	| {
			readonly kind: 'action';
			readonly action: KeyAction;
			readonly layer?: L;
			readonly disabled?: DisabledReason;
	  }
	| { readonly kind: 'text'; readonly edit: TextEdit; readonly layer: L }
	| { readonly kind: 'none' };

/** Layers top-down, cut below the first modal one. */
export function liveLayers<L extends LayerView>(layers: readonly L[]): L[] {
	const sorted = [...layers].sort((a, b) => rank[b.level] - rank[a.level] || b.seq - a.seq);
	const cut = sorted.findIndex((layer) => modal.has(layer.level));
	return cut === -1 ? sorted : sorted.slice(0, cut + 1);
}

/** The layer that takes typed text, if any is live. */
export function captureLayer<L extends LayerView>(live: readonly L[]): L | undefined {
	return live.find((layer) => layer.captures);
}

function matches(action: KeyAction, scope: Scope, key: string, typing: boolean): boolean {
	return (
		action.scopes.includes(scope) && action.keys.includes(key) && (!typing || action.whileTyping === true)
	);
}

/** The action a key means in a stack of layers; the first match from the top wins. */
export function findAction(live: readonly LayerView[], key: string, typing: boolean): KeyAction | undefined {
	for (const layer of live) {
		for (const scope of layer.scopes) {
			const action = actions.find((candidate) => matches(candidate, scope, key, typing));
			if (action) return action;
		}
	}
	return actions.find(
		(action) => action.everywhere && action.keys.includes(key) && (!typing || action.whileTyping),
	);
}

const fieldEdits: Readonly<Record<string, TextEdit>> = {
	'text.left': { type: 'left' },
	'text.right': { type: 'right' },
	'text.home': { type: 'home' },
	'text.end': { type: 'end' },
	'text.erase': { type: 'backspace' },
	'text.eraseWord': { type: 'deleteWord' },
	'text.eraseToStart': { type: 'deleteToStart' },
};

/** What a key does in a field that takes text (the keymap's 'typing' rows), if anything. */
function fieldEdit(key: string): TextEdit | undefined {
	const action = actions.find(
		(candidate) => candidate.scopes.includes('typing') && candidate.keys.includes(key),
	);
	return action ? fieldEdits[action.id] : undefined;
}

/** Decides what one key press does: an action (with its handling layer), text for a field, or nothing. */
export function resolveKey<L extends LayerView>(
	layers: readonly L[],
	key: string | undefined,
	text: string,
): Resolution<L> {
	const live = liveLayers(layers);
	const capture = captureLayer(live);
	const typing = capture !== undefined;
	if (key === undefined) {
		return capture && text
			? { kind: 'text', edit: { type: 'insert', text }, layer: capture }
			: { kind: 'none' };
	}
	if (capture && isPrintable(key)) {
		return { kind: 'text', edit: { type: 'insert', text: key === 'space' ? ' ' : key }, layer: capture };
	}
	const action = findAction(live, key, typing);
	if (action) {
		const id = action.id as ActionId;
		// "Everywhere" actions (help, ctrl+c) are handled by the global layer even under a dialog.
		const pool = action.everywhere ? [...layers].sort((a, b) => b.seq - a.seq) : live;
		const layer = pool.find((candidate) => candidate.handles(id));
		return { kind: 'action', action, layer, disabled: layer?.disabledReason(id) };
	}
	const edit = capture ? fieldEdit(key) : undefined;
	if (capture && edit) return { kind: 'text', edit, layer: capture };
	return { kind: 'none' };
}
