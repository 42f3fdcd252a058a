import type { RenderedApp } from './ui-render.js';

/** Moves the cursor from the top of a list to the row that starts with `name` (fails after 40 rows). */
export async function selectRow(app: RenderedApp, name: string): Promise<void> {
	await app.press('g');
	for (let step = 0; !app.frame().includes(`❯ ${name}`); step++) {
		if (step > 40) throw new Error(`no row ${name} in:\n${app.frame()}`);
		await app.press('j');
	}
}
