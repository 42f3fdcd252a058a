/*
Runs first, on whatever Node the user has: keep to syntax and APIs that Node 14 knows (no `.at()`, no regex
`v` flag, nothing from a newer standard library), so an old Node reads this far and can say what it needs.
*/

/** The lowest version a `>=X[.Y[.Z]]` engines range allows, as numbers; undefined for any other form. */
export function minimumVersion(range: string): number[] | undefined {
	const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
	if (!match) return undefined;
	return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

/** The sentence to print when `current` (process.versions.node) is older than `range` allows; else undefined. */
export function nodeVersionProblem(current: string, range: string): string | undefined {
	const wanted = minimumVersion(range);
	if (!wanted) return undefined;
	const have = current
		.replace(/^v/, '')
		.split('.')
		.map((part) => Number.parseInt(part, 10) || 0);
	for (let index = 0; index < 3; index++) {
		const mine = have[index] || 0;
		const needed = wanted[index] || 0;
		if (mine > needed) return undefined;
		if (mine < needed) {
			const shown = range.replace(/^>=\s*/, '');
			return `entra-flows needs Node.js ${shown} or later; this is Node.js ${current.replace(/^v/, '')}. Install a current LTS release (https://nodejs.org) and run it again.`;
		}
	}
	return undefined;
}
