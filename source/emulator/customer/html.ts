import type { LabelPart } from './page-model.js';

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/** A label's parts as HTML: text escaped, links opening in a new tab. */
export function labelHtml(parts: readonly LabelPart[]): string {
	return parts
		.map((part) =>
			part.href
				? `<a href="${escapeHtml(part.href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(part.text)}</a>`
				: escapeHtml(part.text),
		)
		.join('');
}

/** What every customer page shares. */
export type Frame = {
	readonly title: string;
	readonly tenantName: string;
	/** ui_locales of the request (the page text itself is English). */
	readonly lang: string;
	/** e.g. `/contosocustomers.ciamlogin.com/static`, where page.css and page.js are served. */
	readonly assets: string;
	/** Set on pages the real service would never finish: the emulator says why in its sign-in log. */
	readonly state?: string;
};

/** A whole page. The only script is the emulator's page.js (same origin), so the CSP can forbid inline code. */
export function documentHtml(frame: Frame, body: string, note?: string): string {
	const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(frame.lang) ? frame.lang : 'en';
	return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)}</title>
<link rel="stylesheet" href="${escapeHtml(frame.assets)}/page.css">
<script src="${escapeHtml(frame.assets)}/page.js" defer></script>
</head>
<body>
<main class="card"${frame.state ? ` data-state="${escapeHtml(frame.state)}"` : ''}>
<p class="tenant">${escapeHtml(frame.tenantName)}</p>
${body}
</main>
${note ? `<p class="emulator-note">${escapeHtml(note)}</p>` : ''}
</body>
</html>
`;
}

/** Headers of every customer page: no caching, no framing, scripts and styles from this origin only. */
export const pageHeaders: Readonly<Record<string, string>> = {
	'Content-Type': 'text/html; charset=utf-8',
	'Cache-Control': 'no-store',
	'Content-Security-Policy':
		"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'",
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'no-referrer',
};
