import { useInput, useStdin } from 'ink';
import {
	createContext,
	type ReactNode,
	useContext,
	useLayoutEffect,
	useMemo,
	useRef,
	useSyncExternalStore,
} from 'react';
import { footerHints, type HelpEntry, type Hint, helpEntries } from './hints.js';
import type { KeyFeed } from './key-feed.js';
import type { ActionId, Scope } from './keymap.js';
import { keyName } from './normalize.js';
import { createRegistry, type DisabledReason, type LayerSpec, type Registry } from './registry.js';

export { type DisabledReason, hidden } from './registry.js';

import type { LayerView, Level } from './resolve.js';
import { type Caret, editText, type TextEdit } from './text-edit.js';

const RouterContext = createContext<Registry | undefined>(undefined);

function useRegistry(): Registry {
	const registry = useContext(RouterContext);
	if (!registry) throw new Error('useKeyActions needs an <InputRouter> above it.');
	return registry;
}

/** Props of the root input router. */
export type InputRouterProps = {
	readonly children: ReactNode;
	/** Shows why a disabled action did nothing (the status line). */
	readonly onDisabled: (reason: string) => void;
	/** Clears an error or warning on screen; true when there was one (esc then does nothing more). */
	readonly dismiss?: () => boolean;
	/** The feed between the terminal and Ink (see terminal-input.ts); without one, keys arrive as Ink reads them. */
	readonly feed?: KeyFeed;
	/** True while something is loading or saving: keys typed ahead wait until it is done. */
	readonly busy?: () => boolean;
	/** Which screen shows: keys that waited on one screen are dropped when another one shows. */
	readonly screen?: () => unknown;
	/** Tells the router the app's state changed (so waiting keys may go on); returns the unsubscribe. */
	readonly subscribe?: (listener: () => void) => () => void;
};

/** The one place that reads keys: it maps each key to an action of the live layers, topmost layer first. */
export function InputRouter({
	children,
	onDisabled,
	dismiss,
	feed,
	busy,
	screen,
	subscribe,
}: InputRouterProps) {
	const registry = useMemo(createRegistry, []);
	// Ink reports isRawModeSupported as undefined (not false) for a pipe; only a real TTY may read keys.
	const canReadKeys = useStdin().isRawModeSupported === true;
	const report = useRef(onDisabled);
	report.current = onDisabled;
	const dismissNow = useRef(dismiss);
	dismissNow.current = dismiss;
	const isBusy = useRef(busy);
	isBusy.current = busy;
	const screenNow = useRef(screen);
	screenNow.current = screen;
	useLayoutEffect(
		() =>
			feed?.connect({
				takesText: registry.takesText,
				busy: () => isBusy.current?.() ?? false,
				screen: () => screenNow.current?.(),
			}),
		[feed, registry],
	);
	useLayoutEffect(() => (feed ? subscribe?.(() => feed.resume()) : undefined), [subscribe, feed]);
	useInput(
		(input, key) =>
			registry.press(
				keyName(input, key),
				input,
				(reason) => report.current(reason),
				() => dismissNow.current?.() ?? false,
			),
		{ isActive: canReadKeys },
	);
	return <RouterContext.Provider value={registry}>{children}</RouterContext.Provider>;
}

/** Options of a key layer. */
export type KeyActionsOptions = {
	/** screen (default), capture (a text field), overlay or help (modal), global. */
	readonly level?: Level;
	readonly disabled?: Partial<Record<ActionId, DisabledReason | undefined>>;
	/** Makes this layer take typed text. */
	readonly capture?: (edit: TextEdit) => void;
	/** False unregisters the layer (e.g. a field without focus). */
	readonly active?: boolean;
};

/** Attaches handlers to action ids for the given scopes; components never see raw keys. */
export function useKeyActions(
	scopes: readonly Scope[],
	handlers: Partial<Record<ActionId, () => void>>,
	options: KeyActionsOptions = {},
): void {
	const registry = useRegistry();
	const spec = useRef<LayerSpec>({ scopes, handlers });
	spec.current = { scopes, handlers, disabled: options.disabled, capture: options.capture };
	const active = options.active ?? true;
	const level = options.level ?? 'screen';
	const scopeKey = scopes.join(' ');
	const capturing = options.capture !== undefined;
	// Layout effects register at commit, so a key right after a screen change reaches the new screen.
	// biome-ignore lint/correctness/useExhaustiveDependencies: a new scope set or a field gaining focus re-registers the layer
	useLayoutEffect(() => {
		if (!active) return;
		return registry.register(level, () => spec.current);
	}, [registry, active, level, scopeKey, capturing]);
	const shape = `${JSON.stringify(options.disabled ?? {})}|${Object.keys(handlers).join(',')}`;
	// biome-ignore lint/correctness/useExhaustiveDependencies: `shape` is the signal that the footer must be redrawn
	useLayoutEffect(() => {
		registry.changed();
	}, [registry, shape]);
}

/**
 * What `compute` makes of the live layers, as they are now. The same value (by content) is returned until it
 * changes, so the registry's notice after a commit (a layer's handlers changed) redraws only when the hints did.
 */
function useLiveKeys<T>(compute: (layers: readonly LayerView[]) => T): T {
	const registry = useRegistry();
	const last = useRef<{ readonly key: string; readonly value: T }>(undefined);
	return useSyncExternalStore(registry.subscribe, () => {
		const value = compute(registry.layers());
		const key = JSON.stringify(value);
		if (last.current?.key !== key) last.current = { key, value };
		return last.current.value;
	});
}

/** The footer hints of whatever is live now. */
export function useKeyHints(): readonly Hint[] {
	return useLiveKeys(footerHints);
}

/** The help entries of whatever is live now. */
export function useHelpEntries(): readonly HelpEntry[] {
	return useLiveKeys(helpEntries);
}

/**
 * The cursor of a shown field. When the field gains focus its cursor starts at the end, or with the whole
 * value selected (`selectOnFocus`, for a label edit: typing replaces it, backspace clears it).
 */
export function useTextCaret(focused: boolean, selectOnFocus = false): Caret {
	const registry = useRegistry();
	useLayoutEffect(() => {
		if (focused) registry.setCaret({ tail: 0, selected: selectOnFocus });
	}, [registry, focused, selectOnFocus]);
	return useSyncExternalStore(registry.subscribeCaret, registry.caret);
}

/** Applies a key's edit to a value at the cursor of the field being typed in; returns the new value. */
export function useTextEditor(): (value: string, edit: TextEdit) => string {
	const registry = useRegistry();
	return (value, edit) => {
		const next = editText(value, registry.caret(), edit);
		registry.setCaret(next.caret);
		return next.value;
	};
}
