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
import { createBurstSplitter } from './burst-splitter.js';
import { footerHints, type HelpEntry, type Hint, helpEntries } from './hints.js';
import type { ActionId, Scope } from './keymap.js';
import { keyName } from './normalize.js';
import { createRegistry, type LayerSpec, type Registry } from './registry.js';
import type { Level } from './resolve.js';
import type { TextEdit } from './text-edit.js';

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
	/** True while something is loading or saving: keys typed ahead wait until it is done. */
	readonly busy?: () => boolean;
	/** Tells the router the app's state changed (so waiting keys may go on); returns the unsubscribe. */
	readonly subscribe?: (listener: () => void) => () => void;
};

/** How long each typed-ahead key waits for the previous one's frame. */
const typedAheadPaceMs = 35;

/** The one place that reads keys: it maps each key to an action of the live layers, topmost layer first. */
export function InputRouter({ children, onDisabled, busy, subscribe }: InputRouterProps) {
	const registry = useMemo(createRegistry, []);
	// Ink reports isRawModeSupported as undefined (not false) for a pipe; only a real TTY may read keys.
	const { isRawModeSupported, internal_eventEmitter: inputEvents } = useStdin();
	const canReadKeys = isRawModeSupported === true;
	const report = useRef(onDisabled);
	report.current = onDisabled;
	const isBusy = useRef(busy);
	isBusy.current = busy;
	const splitter = useMemo(
		() =>
			createBurstSplitter({
				emit: (piece) => inputEvents.emit('input', piece),
				takesText: registry.takesText,
				busy: () => isBusy.current?.() ?? false,
				// One typed-ahead key per frame (Ink draws at most 30–60 a second): by then components such as
				// ink-select-input have re-rendered and listen with their new state; sooner, they act on the old one.
				defer: (next) => setTimeout(next, typedAheadPaceMs),
			}),
		[registry, inputEvents],
	);
	// Ink's key parsing garbles a burst of keys read at once ("\x7f\x7f\r" comes out as "\r"), so each read is
	// looked at first (this listener runs before every useInput's) and a burst is fed back key by key.
	const taken = useRef(false);
	useLayoutEffect(() => {
		const look = (data: string) => {
			taken.current = splitter.take(data);
		};
		inputEvents.prependListener('input', look);
		return () => void inputEvents.off('input', look);
	}, [inputEvents, splitter]);
	useLayoutEffect(() => subscribe?.(() => splitter.resume()), [subscribe, splitter]);
	useInput(
		(input, key) => {
			if (!taken.current) registry.press(keyName(input, key), input, (reason) => report.current(reason));
		},
		{ isActive: canReadKeys },
	);
	return <RouterContext.Provider value={registry}>{children}</RouterContext.Provider>;
}

/** Options of a key layer. */
export type KeyActionsOptions = {
	/** screen (default), capture (a text field), overlay or help (modal), global. */
	readonly level?: Level;
	readonly disabled?: Partial<Record<ActionId, string | undefined>>;
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

/** The footer hints and help entries of whatever is live now. */
export function useKeyHints(): { readonly hints: readonly Hint[]; readonly help: readonly HelpEntry[] } {
	const registry = useRegistry();
	const version = useSyncExternalStore(registry.subscribe, registry.version);
	// biome-ignore lint/correctness/useExhaustiveDependencies: version is the change signal for the registry's layers
	return useMemo(
		() => ({ hints: footerHints(registry.layers()), help: helpEntries(registry.layers()) }),
		[registry, version],
	);
}
