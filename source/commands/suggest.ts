/** Edits (insert, delete, change, swap two neighbours) between two words: how far a typo is from what was meant. */
export function distance(a: string, b: string): number {
	const rows = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const change = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + change);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				best = Math.min(best, at(i - 2, j - 2) + 1);
			const row = rows[i];
			if (row) row[j] = best;
		}
	}
	return at(a.length, b.length);
}

/** Whether so many edits still read as a typo of the word: a third of its length, at least one. */
export const near = (typed: string, edits: number) => edits <= Math.max(1, Math.floor(typed.length / 3));

/**
 * The known word a typo most likely meant: the nearest within a third of its length (at least one edit), or
 * one that starts with it (`--dry` for `--dry-run`). Undefined when nothing is near enough to guess.
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
	const word = typed.toLowerCase();
	let best: { word: string; edits: number } | undefined;
	for (const candidate of known) {
		const edits = distance(word, candidate.toLowerCase());
		if (!best || edits < best.edits) best = { word: candidate, edits };
	}
	if (best && near(word, best.edits)) return best.word;
	const prefixed = known.filter((candidate) => word.length >= 2 && candidate.startsWith(word));
	return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` Did you mean "x"?` or nothing: the tail of an unknown-word message. */
export function didYouMean(
	typed: string,
	known: readonly string[],
	show: (word: string) => string = (w) => `"${w}"`,
): string {
	const guess = closest(typed, known);
	return guess ? ` Did you mean ${show(guess)}?` : '';
}
