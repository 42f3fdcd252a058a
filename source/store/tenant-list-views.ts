// What the tenant's extensions and attributes screens show, as sanitized rows: the screens only lay them out.
import { type ExtensionInUse, extensionKind, type ValidationResult } from '../operations/extensions.js';
import type { TenantItem } from '../operations/tenant-overview.js';
import { display } from '../text/sanitize.js';

const quoted = (name: string) => `“${display(name)}”`;

/** One extension as its row and detail panel show it. */
export type ExtensionRow = {
	readonly id: string;
	readonly name: string;
	/** "attribute collection start", "token issuance start (read-only)"… */
	readonly kind: string;
	readonly writable: boolean;
	readonly targetUrl: string;
	readonly resourceId: string;
	readonly timeout: string;
	readonly retries: string;
	readonly description: string;
	/** “Flow” (start), … or "no flow". */
	readonly usedBy: string;
};

const orDefault = (value: number | null | undefined, unit = '') =>
	value === null || value === undefined ? 'service default' : `${value}${unit}`;

/** The extensions screen's rows. */
export function extensionRows(rows: readonly ExtensionInUse[]): ExtensionRow[] {
	return rows.map(({ extension, writable, flows }) => ({
		id: display(extension.id),
		name: display(extension.displayName ?? extension.id),
		kind: `${display(extensionKind(extension))}${writable ? '' : ' (read-only)'}`,
		writable,
		targetUrl: display(extension.endpointConfiguration?.targetUrl ?? ''),
		resourceId: display(extension.authenticationConfiguration?.resourceId ?? ''),
		timeout: orDefault(extension.clientConfiguration?.timeoutInMilliseconds, ' ms'),
		retries: orDefault(extension.clientConfiguration?.maximumRetries),
		description: display(extension.description ?? ''),
		usedBy:
			flows.map((user) => `${quoted(user.flow.displayName)} (${user.events.join(', ')})`).join(', ') ||
			'no flow',
	}));
}

/** One attribute as the attributes screen shows it. */
export type TenantAttributeRow = {
	readonly id: string;
	readonly name: string;
	readonly dataType: string;
	readonly custom: boolean;
	readonly description: string;
	readonly collectedBy: string;
};

/** The attributes screen's rows. */
export function tenantAttributeRows(items: readonly TenantItem[]): TenantAttributeRow[] {
	return items.map((item) => ({
		id: display(item.id),
		name: display(item.displayName),
		dataType: display(item.dataType ?? ''),
		custom: item.kind === 'custom',
		description: display(item.description ?? ''),
		collectedBy: item.flows.map(quoted).join(', ') || 'no flow',
	}));
}

/** A line of a validation's result; `tone` picks its colour (errors red, warnings yellow). */
export type ValidationLine = { readonly tone: 'error' | 'warning' | 'success'; readonly text: string };

/** A validation as lines: the verdict, then each error and warning with its code. */
export function validationLines(subject: string, result: ValidationResult): ValidationLine[] {
	const { errors, warnings } = result;
	const verdict = result.failed
		? `${subject}: validation failed (${errors.length} error(s), ${warnings.length} warning(s))`
		: `${subject}: valid${warnings.length > 0 ? `, ${warnings.length} warning(s)` : ''}`;
	return [
		{ tone: result.failed ? 'error' : 'success', text: verdict },
		...errors.map((finding) => ({
			tone: 'error' as const,
			text: `error ${display(finding.code ?? '?')}: ${display(finding.message ?? '')}`,
		})),
		...warnings.map((finding) => ({
			tone: 'warning' as const,
			text: `warning ${display(finding.code ?? '?')}: ${display(finding.message ?? '')}`,
		})),
	];
}
