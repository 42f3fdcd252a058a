// What is wrong with a flow file, always with the file, the line and the field, so it can be found and fixed.

/** One problem in one file. */
export type FileProblem = {
	readonly file: string;
	/** 1-based, when known. */
	readonly line?: number;
	/** Path of the field at fault, e.g. `attributes[2].inputType`. */
	readonly field?: string;
	readonly message: string;
};

/** `flows/events.yaml:12: attributes[2].inputType: …` — one problem as a line. */
export function formatFileProblem(problem: FileProblem): string {
	const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
	return problem.field ? `${place}: ${problem.field}: ${problem.message}` : `${place}: ${problem.message}`;
}

/** Edit distance, for "did you mean" on a misspelt field name. */
export function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			row[j] = Math.min(
				previous[j]! + 1,
				row[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		previous = row;
	}
	return previous[b.length]!;
}

/** How to fix an unknown field: the near known one, else the list. */
export function unknownFieldFix(name: string, known: readonly string[]): string {
	const close = known.find((candidate) => distance(candidate.toLowerCase(), name.toLowerCase()) <= 2);
	return close ? `did you mean "${close}"?` : `the fields here are ${known.join(', ')}`;
}
