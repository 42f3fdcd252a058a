import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	attachExtension,
	currentEntry,
	detachExtension,
	detachNote,
	eventNames,
	extensionsOfEvent,
	flowLabel,
	loadCustomExtensions,
	loadFlowExtensions,
	pendingFor,
	selectResource,
	validateExtensionOf,
} from '../../store/index.js';
import { display } from '../../text/sanitize.js';
import { BodyState } from '../components/body-state.js';
import { RowProgress } from '../components/row-progress.js';
import { ValidationFindings } from '../components/validation-findings.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';

const events = ['start', 'submit'] as const;
type Event = (typeof events)[number];

/** Props of the custom extensions screen. */
export type FlowExtensionsScreenProps = { readonly flowId: string };

/** Which extension the flow runs at attribute collection start and submit; attach, change, detach. */
export function FlowExtensionsScreen({ flowId }: FlowExtensionsScreenProps) {
	const store = useStore();
	const theme = useTheme();
	const name = useAppState((state) => flowLabel(state, flowId));
	const resource = useAppState((state) => selectResource(state, 'flowExtensions', flowId));
	const tenant = useAppState((state) => selectResource(state, 'customExtensions'));
	const entry = useAppState(currentEntry);
	const pendingStart = useAppState((state) => pendingFor(state, `extension:${flowId}:start`)?.verb);
	const pendingSubmit = useAppState((state) => pendingFor(state, `extension:${flowId}:submit`)?.verb);
	const pending: Record<Event, string | undefined> = { start: pendingStart, submit: pendingSubmit };
	const [choosing, setChoosing] = useState<{ event: Event; cursor: number } | undefined>();
	useEffect(() => {
		void store.run(loadFlowExtensions(flowId));
	}, [store, flowId]);
	const focused: Event = events[Math.min(entry.cursor, 1)] ?? 'start';
	const list = useListKeys(events.length, events.length);
	const candidates = choosing ? extensionsOfEvent(tenant.data, choosing.event) : [];
	const current = resource.data;
	const focusedId = current?.[focused]?.id ?? '';
	const validation = useAppState((state) => selectResource(state, 'extensionValidation', focusedId));
	useKeyActions(
		['extensions', 'list'],
		{
			...list,
			'extensions.attach': () => {
				void store.run(loadCustomExtensions({ force: true }));
				setChoosing({ event: focused, cursor: 0 });
			},
			'extensions.detach': () => void store.run(detachExtension(flowId, focused)),
			'extensions.validate': () => {
				if (focusedId) void store.run(validateExtensionOf(focusedId));
			},
			'screen.refresh': () => void store.run(loadFlowExtensions(flowId, { force: true })),
			'tenant.extensions': () => store.dispatch({ type: 'route/pushed', route: { id: 'tenant/extensions' } }),
		},
		{
			disabled: {
				'extensions.detach': current?.[focused]
					? undefined
					: `The flow runs no extension at ${eventNames[focused]}.`,
				'extensions.attach': pending[focused] ? 'Wait for the change in flight.' : undefined,
				'extensions.validate': focusedId
					? undefined
					: `The flow runs no extension at ${eventNames[focused]}.`,
			},
		},
	);
	useKeyActions(
		['extension-choice', 'list'],
		{
			'list.down': () =>
				setChoosing(
					(now) => now && { ...now, cursor: Math.min(now.cursor + 1, Math.max(0, candidates.length - 1)) },
				),
			'list.up': () => setChoosing((now) => now && { ...now, cursor: Math.max(0, now.cursor - 1) }),
			'item.open': () => {
				const chosen = candidates[choosing?.cursor ?? 0];
				if (!choosing || !chosen) return;
				setChoosing(undefined);
				void store.run(attachExtension(flowId, choosing.event, chosen));
			},
			'choice.cancel': () => setChoosing(undefined),
		},
		{
			level: 'overlay',
			active: choosing !== undefined,
			disabled: {
				'item.open': candidates.length > 0 ? undefined : 'There is no extension of this kind to attach.',
			},
		},
	);

	if (!current) {
		return resource.status === 'error' && resource.error ? (
			<BodyState kind="error" error={resource.error} />
		) : (
			<BodyState kind="loading" text="Loading the custom extensions…" />
		);
	}
	return (
		<Box flexDirection="column">
			<Text bold>Custom authentication extensions of “{name}”</Text>
			<Text> </Text>
			{events.map((event) => {
				const extension = current[event];
				const selected = focused === event && !choosing;
				return (
					<Box key={event} flexDirection="column">
						<Box>
							<Text color={theme.accent}>{selected ? '❯ ' : '  '}</Text>
							<Box width={32}>
								<Text bold inverse={selected}>
									At {eventNames[event]}
								</Text>
							</Box>
							{pending[event] ? (
								<RowProgress verb={pending[event]} />
							) : (
								<Text>
									{extension ? `${display(extension.displayName ?? '')} (${extension.id ?? ''})` : 'none'}
								</Text>
							)}
						</Box>
						{extension ? (
							<Text color={theme.muted}>
								{'    '}
								{display(extension.endpointConfiguration?.targetUrl ?? '')} · timeout{' '}
								{extension.clientConfiguration?.timeoutInMilliseconds ?? 'default'} ms · retries{' '}
								{extension.clientConfiguration?.maximumRetries ?? 'default'}
							</Text>
						) : null}
					</Box>
				);
			})}
			<Text> </Text>
			{choosing ? (
				<Box flexDirection="column" borderStyle="round" borderColor={theme.border} paddingX={1}>
					<Text bold>Attach at {eventNames[choosing.event]}</Text>
					{tenant.status === 'loading' && candidates.length === 0 ? (
						<Text color={theme.muted}>Loading the tenant’s extensions…</Text>
					) : candidates.length === 0 ? (
						<Text color={theme.muted}>
							The tenant has no {eventNames[choosing.event]} extension: create one with `entra-flows
							extensions create --event {choosing.event}`.
						</Text>
					) : (
						candidates.map((extension, index) => (
							<Text key={extension.id} inverse={index === choosing.cursor}>
								{index === choosing.cursor ? '❯ ' : '  '}
								{display(extension.displayName ?? '')} ({extension.id})
							</Text>
						))
					)}
				</Box>
			) : (
				<Text color={theme.muted}>{detachNote}</Text>
			)}
			{focusedId ? (
				<ValidationFindings subject={display(current[focused]?.displayName ?? '')} resource={validation} />
			) : null}
		</Box>
	);
}
