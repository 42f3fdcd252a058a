import { useStdout } from 'ink';
import { useCallback } from 'react';
import { clipboardSequence } from '../../store/index.js';
import { useStore } from '../store-context.js';

/**
 * Puts text on the clipboard with OSC 52, written to the app's own stdout: it reaches the terminal even over
 * SSH, and tests read it from the rendered output.
 */
export function useClipboard(): (text: string) => void {
	const { stdout } = useStdout();
	const store = useStore();
	return useCallback(
		(text: string) => {
			stdout.write(clipboardSequence(text, store.deps().tmux));
		},
		[stdout, store],
	);
}
