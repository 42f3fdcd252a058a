import { safeJson } from '../text/safe-json.js';
import type { CommandContext } from './command.js';

/**
 * Prints a list as one JSON array, page by page as the pages arrive, holding no earlier page: the same text
 * printJson gives for the whole list, so scripts see no difference, while a list of 50,000 stays small.
 */
export async function printJsonPages(
	context: CommandContext,
	pages: AsyncIterable<{ readonly items: readonly unknown[] }>,
): Promise<void> {
	let count = 0;
	for await (const page of pages) {
		let text = '';
		for (const item of page.items) {
			const indented = safeJson(item, 2).replaceAll('\n', '\n  ');
			text += `${count === 0 ? '[\n' : ',\n'}  ${indented}`;
			count++;
		}
		if (text) context.stdout(text);
		// The next page is asked for only once this one has left: a reader slower than Graph sets the pace.
		await context.drained?.();
	}
	context.stdout(count === 0 ? '[]\n' : '\n]\n');
}
