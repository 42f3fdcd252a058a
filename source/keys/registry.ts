import type { ActionId, Scope } from './keymap.js';
import { captureLayer, type LayerView, type Level, liveLayers, resolveKey } from './resolve.js';
import { type Caret, endCaret, type TextEdit } from './text-edit.js';

/** Disables an action with nothing to explain: the key does nothing, and footer and help leave it out. */
export const hidden = Object.freeze({ kind: 'hidden' } as const);

/** Why an action is disabled: a reason the status line shows when its key is pressed, or `hidden`. */
export type DisabledReason = string | typeof hidden;

/** What a component registers: its scopes, handlers by action id, disabled reasons and a text sink. */
export type LayerSpec = {
	readonly scopes: readonly Scope[];
	readonly handlers: Partial<Record<ActionId, () => void>>;
	/** A reason shows in the status line when the key is pressed; `hidden` disables the action silently. */
	readonly disabled?: Partial<Record<ActionId, DisabledReason | undefined>>;
	readonly capture?: (edit: TextEdit) => void;
};

/** The router's bookkeeping, free of React so it can be tested directly. */
export type Registry = {
	register(level: Level, read: () => LayerSpec): () => void;
	/**
	 * Routes one key; `onDisabled` receives the reason of a disabled action. `dismiss` clears an error or warning
	 * on screen and says whether there was one: an action marked dismissesFirst (esc) then does nothing more.
	 */
	press(
		key: string | undefined,
		text: string,
		onDisabled: (reason: string) => void,
		dismiss?: () => boolean,
	): void;
	layers(): readonly LayerView[];
	/** True while a live layer takes typed text (a field being edited). */
	takesText(): boolean;
	/** Tells footer and help that what is live has changed. */
	changed(): void;
	subscribe(listener: () => void): () => void;
	/** The cursor of the field being typed in (only one field has the keys at a time). */
	caret(): Caret;
	setCaret(caret: Caret): void;
	subscribeCaret(listener: () => void): () => void;
};

type Entry = LayerView & { readonly read: () => LayerSpec };

/** Creates an empty registry. */
export function createRegistry(): Registry {
	let entries: Entry[] = [];
	let seq = 0;
	const listeners = new Set<() => void>();
	const caretListeners = new Set<() => void>();
	let caret = endCaret;
	const changed = () => {
		for (const listener of listeners) listener();
	};
	return {
		register(level, read) {
			const entry: Entry = {
				seq: ++seq,
				level,
				read,
				get scopes() {
					return read().scopes;
				},
				get captures() {
					return read().capture !== undefined;
				},
				handles: (id) => read().handlers[id] !== undefined,
				disabledReason: (id) => read().disabled?.[id],
			};
			entries = [...entries, entry];
			changed();
			return () => {
				entries = entries.filter((item) => item !== entry);
				changed();
			};
		},
		press(key, text, onDisabled, dismiss) {
			const result = resolveKey(entries, key, text);
			if (result.kind === 'text') result.layer.read().capture?.(result.edit);
			if (result.kind !== 'action' || !result.layer) return;
			if (result.disabled !== undefined) {
				if (typeof result.disabled === 'string') onDisabled(result.disabled);
				return;
			}
			if (result.action.dismissesFirst && dismiss?.()) return;
			result.layer.read().handlers[result.action.id as ActionId]?.();
		},
		layers: () => entries,
		takesText: () => captureLayer(liveLayers(entries)) !== undefined,
		changed,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		caret: () => caret,
		setCaret(next) {
			if (next.tail === caret.tail && next.selected === caret.selected) return;
			caret = next;
			for (const listener of caretListeners) listener();
		},
		subscribeCaret(listener) {
			caretListeners.add(listener);
			return () => caretListeners.delete(listener);
		},
	};
}
