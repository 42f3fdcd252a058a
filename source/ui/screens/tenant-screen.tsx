import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { hidden, useKeyActions } from '../../keys/input-router.js';
import {
	currentEntry,
	findingLine,
	loadTenantOverview,
	oneFlowTypeLines,
	openNewAttribute,
	passwordResetLine,
	selectResource,
	switchPasswordReset,
	type TenantOverview,
	tenantItemLine,
} from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { busyReason, usePending } from '../hooks/use-pending.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';

type Line = { readonly text: string; readonly style?: 'heading' | 'muted' | 'warning' };

function pageLines(overview: TenantOverview): Line[] {
	const findings = overview.lint.findings.map(findingLine);
	const items = (title: string, rows: readonly (readonly string[])[]): Line[] => [
		{ text: '' },
		{ text: title, style: 'heading' },
		...rows.map(([name, kind, by]) => ({
			text: `  ${(name ?? '').padEnd(28)} ${(kind ?? '').padEnd(22)} ${by}`,
		})),
	];
	return [
		{ text: 'Policies', style: 'heading' },
		...oneFlowTypeLines.map((text) => ({ text: `  ${text}`, style: 'muted' as const })),
		{ text: `  ${passwordResetLine(overview)}` },
		{ text: '' },
		{
			text: `Health: ${findings.length === 0 ? 'no findings' : `${findings.length} finding(s)`}`,
			style: 'heading',
		},
		...findings.flatMap((finding) => [
			{ text: `  ! ${finding.text}`, style: 'warning' as const },
			{ text: `      fix: ${finding.fix}`, style: 'muted' as const },
		]),
		...overview.lint.skipped.map((skipped) => ({
			text: `  (skipped: ${skipped.reason})`,
			style: 'muted' as const,
		})),
		...items(
			`Attributes (${overview.attributes.length})`,
			overview.attributes.map((item) => tenantItemLine(item, 'collected')),
		),
		...items(
			`Identity providers (${overview.providers.length})`,
			overview.providers.map((item) => tenantItemLine(item, 'offered')),
		),
	];
}

/** The tenant around the flows: policies (password reset, the one flow type), health, attributes, providers. */
export function TenantScreen() {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const resource = useAppState((state) => selectResource(state, 'tenantOverview'));
	const entry = useAppState(currentEntry);
	const busy = usePending().get('tenant:password-reset');
	const lines = useMemo(() => (resource.data ? pageLines(resource.data) : undefined), [resource.data]);
	useEffect(() => {
		void store.run(loadTenantOverview());
	}, [store]);
	const count = lines?.length ?? 0;
	const page = Math.max(1, height);
	useKeyActions(
		['tenant', 'list'],
		{
			...useListKeys(Math.max(1, count - page + 1), page),
			'tenant.passwordReset': () => void store.run(switchPasswordReset()),
			'tenant.newAttribute': () => void store.run(openNewAttribute()),
			'tenant.extensions': () => store.dispatch({ type: 'route/pushed', route: { id: 'tenant/extensions' } }),
			'tenant.attributes': () => store.dispatch({ type: 'route/pushed', route: { id: 'tenant/attributes' } }),
			'tenant.providers': () => store.dispatch({ type: 'route/pushed', route: { id: 'tenant/providers' } }),
			'screen.refresh': () => void store.run(loadTenantOverview({ force: true })),
		},
		{
			disabled: {
				'tenant.passwordReset': !resource.data?.passwordReset ? hidden : busy ? busyReason : undefined,
				'item.open': hidden,
			},
		},
	);
	if (!lines) {
		return resource.error ? (
			<BodyState kind="error" error={resource.error} />
		) : (
			<BodyState kind="loading" text="Reading the tenant…" />
		);
	}
	const top = Math.min(entry.cursor, Math.max(0, count - page));
	return (
		<Box flexDirection="column" height={height}>
			{lines.slice(top, top + page).map((line, index) => (
				<Text
					// biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place
					key={top + index}
					wrap="truncate-end"
					bold={line.style === 'heading'}
					color={line.style === 'muted' ? theme.muted : line.style === 'warning' ? theme.warning : undefined}
				>
					{line.text || ' '}
				</Text>
			))}
		</Box>
	);
}
