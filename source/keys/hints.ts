import { type ActionId, actions, type KeyAction } from './keymap.js';
import { isPrintable } from './normalize.js';
import { captureLayer, type LayerView, liveLayers } from './resolve.js';

/** One footer hint. */
export type Hint = { readonly key: string; readonly label: string; readonly danger: boolean };

/** One line of the help overlay. */
export type HelpEntry = { readonly keys: string; readonly description: string; readonly danger: boolean };

const symbols: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→' };

/** How a key string is shown to people. */
export function displayKey(key: string): string {
	return symbols[key] ?? key;
}

function usable(layers: readonly LayerView[], action: KeyAction): boolean {
	if (action.byComponent) return true;
	const layer = layers.find((candidate) => candidate.handles(action.id as ActionId));
	return layer !== undefined && layer.disabledReason(action.id as ActionId) === undefined;
}

function walk(layers: readonly LayerView[], visit: (action: KeyAction, liveKeys: string[]) => void) {
	const live = liveLayers(layers);
	const typing = captureLayer(live) !== undefined;
	const seenKeys = new Set<string>();
	const seenIds = new Set<string>();
	const scopes = [...live.flatMap((layer) => layer.scopes), ...(typing ? (['typing'] as const) : [])];
	const everywhere = actions.filter((action) => action.everywhere);
	const found = [
		...scopes.flatMap((scope) => actions.filter((a) => a.scopes.includes(scope))),
		...everywhere,
	];
	for (const action of found) {
		if (seenIds.has(action.id)) continue;
		seenIds.add(action.id);
		// A key a higher layer already took is shadowed here; while typing, printable keys are text.
		const liveKeys = action.keys.filter(
			(key) => !seenKeys.has(key) && (!typing || (action.whileTyping === true && !isPrintable(key))),
		);
		for (const key of liveKeys) seenKeys.add(key);
		visit(action, liveKeys);
	}
}

/** The footer's hints for the live layers; `? help` is last, unless a field takes `?` as text. */
export function footerHints(layers: readonly LayerView[]): Hint[] {
	const live = liveLayers(layers);
	const hints: Hint[] = [];
	walk(layers, (action, liveKeys) => {
		if (!action.showInFooter || action.id === 'help.toggle' || liveKeys.length === 0) return;
		// Under a dialog the footer is the dialog's; keys that also work there (ctrl+g) are listed in help.
		if (!usable(live, action)) return;
		hints.push({
			key: action.hint ?? displayKey(liveKeys[0] ?? ''),
			label: action.label,
			danger: action.danger === true,
		});
	});
	// While a field takes text, `?` is a character: the footer does not offer what the key will not do.
	const typing = captureLayer(live) !== undefined;
	return typing ? hints : [...hints, { key: '?', label: 'help', danger: false }];
}

/** Every key of the current screen with its description, for the `?` overlay. */
export function helpEntries(layers: readonly LayerView[]): HelpEntry[] {
	const below = layers.filter((layer) => layer.level !== 'help');
	const live = liveLayers(below);
	const entries: HelpEntry[] = [];
	walk(below, (action) => {
		if (!action.byComponent && !action.everywhere && !usable(live, action)) return;
		const plain = action.unless && !live.some((layer) => layer.handles(action.unless?.live as ActionId));
		entries.push({
			keys: action.keys.map(displayKey).join(' / '),
			description: plain ? (action.unless?.description ?? action.description) : action.description,
			danger: action.danger === true,
		});
	});
	return entries;
}
