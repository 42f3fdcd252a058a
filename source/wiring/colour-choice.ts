/**
 * Whether the keyboard app draws without colour. FORCE_COLOR wins when set, as the colour library under Ink reads
 * it: 0 (or false) means none, like NO_COLOR; 1, 2, 3 (or true, or empty) force colour even with NO_COLOR set.
 * Otherwise NO_COLOR with any non-empty value means none.
 */
export function wantsNoColor(env: NodeJS.ProcessEnv): boolean {
	const force = env.FORCE_COLOR;
	if (force !== undefined) return force === '0' || force.toLowerCase() === 'false';
	return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

/** The display preferences (colour, locale) a demo session keeps from the person's environment. */
export function colourEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const kept: NodeJS.ProcessEnv = {};
	if (env.NO_COLOR !== undefined) kept.NO_COLOR = env.NO_COLOR;
	if (env.FORCE_COLOR !== undefined) kept.FORCE_COLOR = env.FORCE_COLOR;
	// The locale says which glyphs the terminal can show.
	for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG'] as const)
		if (env[name] !== undefined) kept[name] = env[name];
	return kept;
}
