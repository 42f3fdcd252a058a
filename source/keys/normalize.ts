/** The subset of Ink's Key this module reads (kept local so keys/ stays testable without Ink). */
export type InkKey = {
	readonly upArrow: boolean;
	readonly downArrow: boolean;
	readonly leftArrow: boolean;
	readonly rightArrow: boolean;
	readonly pageDown: boolean;
	readonly pageUp: boolean;
	readonly home: boolean;
	readonly end: boolean;
	readonly return: boolean;
	readonly escape: boolean;
	readonly ctrl: boolean;
	readonly shift: boolean;
	readonly tab: boolean;
	readonly backspace: boolean;
	readonly delete: boolean;
	readonly meta: boolean;
};

const named: readonly (readonly [keyof InkKey, string])[] = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageDown', 'pgdn'],
	['pageUp', 'pgup'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'esc'],
];

/**
 * Turns one Ink key event into the keymap's key string: 'j', 'G', '?', 'space', 'enter', 'shift+tab',
 * 'ctrl+r'. Undefined for a multi-character paste, which only a text field takes.
 */
export function keyName(input: string, key: InkKey): string | undefined {
	for (const [flag, name] of named) if (key[flag]) return name;
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	// Terminals send DEL (0x7f) for Backspace and Ink reports it as delete; both erase backwards here.
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	if (key.meta && input.length === 1) return `meta+${input}`;
	if (input === ' ') return 'space';
	// Ink already reports capitals as the character itself, so 'G' needs no shift+ prefix.
	if (input.length === 1) return input;
	return undefined;
}

/** True for a key that is text while a field is being typed in. */
export function isPrintable(name: string): boolean {
	return name === 'space' || [...name].length === 1;
}
