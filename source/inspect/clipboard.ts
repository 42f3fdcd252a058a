/**
 * The OSC 52 escape sequence that asks the terminal to put `text` on the system clipboard (works over
 * SSH in terminals that allow it). With `tmux`, the sequence is wrapped in tmux's DCS passthrough.
 */
export function osc52(text: string, options: { readonly tmux?: boolean } = {}): string {
	const sequence = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
	// Inside tmux every ESC of the inner sequence is doubled and the whole is wrapped in DCS … ST.
	return options.tmux ? `\x1bPtmux;${sequence.replaceAll('\x1b', '\x1b\x1b')}\x1b\\` : sequence;
}
