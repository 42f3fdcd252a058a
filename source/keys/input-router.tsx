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
import { createKeyQueue, isBurst, noKey } from './key-queue.js';
import type { ActionId, Scope } from './keymap.js';
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
};

/** The one place that reads keys: it maps each key to an action of the live layers (style.md §3.5). */
export function InputRouter({ children, onDisabled }: InputRouterProps) {
	const registry = useMemo(createRegistry, []);
	// Ink reports isRawModeSupported as undefined (not false) for a pipe; only a real TTY may read keys.
	const { isRawModeSupported, internal_eventEmitter: inputEvents } = useStdin();
	const canReadKeys = isRawModeSupported === true;
	const report = useRef(onDisabled);
	report.current = onDisabled;
	const queue = useMemo(
		() =>
			createKeyQueue({
				route: (name, text) => registry.press(name, text, (reason) => report.current(reason)),
				takesText: registry.takesText,
				defer: (next) => setImmediate(next),
			}),
		[registry],
	);
	// Ink's key parsing garbles a burst of keys read at once ("\x7f\x7f\r" comes out as "\r"), so the raw
	// text of each read is kept here (this listener runs before useInput's) and bursts are split from it.
	const raw = useRef('');
	useLayoutEffect(() => {
		const keep = (data: string) => {
			raw.current = data;
		};
		inputEvents.prependListener('input', keep);
		return () => void inputEvents.off('input', keep);
	}, [inputEvents]);
	useInput(
		(input, key) => queue.push(isBurst(raw.current) ? { input: raw.current, key: noKey } : { input, key }),
		{
			isActive: canReadKeys,
		},
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
