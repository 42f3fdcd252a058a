import type { RequestDetail } from '../../store/index.js';
import { wrapToWidth } from '../../text/width.js';

/** One screen line of the request detail, already cut to the width. */
export type DetailLine = { readonly text: string; readonly tone: 'title' | 'failed' | 'heading' | 'plain' };

const labelWidth = 19;

/** The detail as screen lines: title, labelled fields, then each section indented under its heading. */
export function detailLines(detail: RequestDetail, width: number): DetailLine[] {
	const lines: DetailLine[] = [{ text: detail.title, tone: detail.failed ? 'failed' : 'title' }];
	for (const [label, value] of detail.fields) {
		wrapToWidth(value, width - labelWidth).forEach((piece, index) => {
			lines.push({ text: `${(index === 0 ? label : '').padEnd(labelWidth)}${piece}`, tone: 'plain' });
		});
	}
	for (const section of detail.sections) {
		lines.push({ text: '', tone: 'plain' }, { text: section.title, tone: 'heading' });
		for (const line of section.lines) {
			for (const piece of wrapToWidth(line, width - 2)) lines.push({ text: `  ${piece}`, tone: 'plain' });
		}
	}
	return lines;
}
