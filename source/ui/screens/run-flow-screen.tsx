import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	clipboardSentMessage,
	flowLabel,
	loadRunLink,
	redirectText,
	runLocales,
	runView,
	selectResource,
} from '../../store/index.js';
import { qrLines, qrModules } from '../../text/qr-code.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { useClipboard } from '../hooks/use-clipboard.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';

/** Props of the Run screen. */
export type RunFlowScreenProps = { readonly flowId: string };

type Choice = {
	readonly appId?: string;
	readonly redirectUri?: string;
	readonly locale: number;
	readonly responseType: 'code' | 'id_token';
};

/** "Run user flow": choose app, redirect URI and language; see the link and its QR code; copy it. */
export function RunFlowScreen({ flowId }: RunFlowScreenProps) {
	const store = useStore();
	const theme = useTheme();
	const size = useBodySize();
	const copy = useClipboard();
	const name = useAppState((state) => flowLabel(state, flowId));
	const resource = useAppState((state) => selectResource(state, 'runLink', flowId));
	const view = useMemo(() => runView(resource), [resource]);
	const [choice, setChoice] = useState<Choice>({ locale: 0, responseType: 'code' });
	useEffect(() => {
		const locale = runLocales[choice.locale];
		void store.run(
			loadRunLink(flowId, {
				...(choice.appId ? { appId: choice.appId } : {}),
				...(choice.redirectUri ? { redirectUri: choice.redirectUri } : {}),
				...(locale ? { locale } : {}),
				responseType: choice.responseType,
			}),
		);
	}, [store, flowId, choice]);
	// Several apps and none chosen: start with the first, as the portal's Run pane does.
	useEffect(() => {
		if (view.chooseApp && !choice.appId && view.linkedApps[0]) {
			setChoice((now) => ({ ...now, appId: view.linkedApps[0]!.appId }));
		}
	}, [view, choice.appId]);

	// The one after the current (the first when none is current), round.
	const next = <T,>(items: readonly T[], same: (item: T) => boolean) =>
		items[(items.findIndex(same) + 1) % items.length];
	const currentApp = choice.appId ?? view.link?.appId;
	const currentRedirect = choice.redirectUri ?? view.link?.redirect.uri;
	useKeyActions(
		['run'],
		{
			'run.app': () => {
				const app = next(view.linkedApps, (item) => item.appId === currentApp);
				if (app) setChoice((now) => ({ ...now, appId: app.appId, redirectUri: undefined }));
			},
			'run.redirect': () => {
				const redirect = next(view.redirects, (item) => item.uri === currentRedirect);
				if (redirect) setChoice((now) => ({ ...now, redirectUri: redirect.uri }));
			},
			'run.locale': () => setChoice((now) => ({ ...now, locale: (now.locale + 1) % runLocales.length })),
			'run.responseType': () =>
				setChoice((now) => ({ ...now, responseType: now.responseType === 'code' ? 'id_token' : 'code' })),
			'run.copy': () => {
				if (!view.link) return;
				copy(view.link.url);
				store.dispatch({
					type: 'flash/shown',
					level: 'success',
					text: clipboardSentMessage('the link', store.deps().tmux),
				});
			},
			'screen.refresh': () => setChoice((now) => ({ ...now })),
		},
		{
			disabled: {
				'run.app': view.linkedApps.length > 1 ? undefined : 'The flow has only this app.',
				'run.redirect': view.redirects.length > 1 ? undefined : 'The app has only this redirect URI.',
				'run.copy': view.link ? undefined : 'There is no link to copy yet.',
			},
		},
	);

	if (view.status === 'loading' && !view.link)
		return <BodyState kind="loading" text="Building the run link…" />;
	if (view.status === 'error' && view.error) return <BodyState kind="error" error={view.error} />;
	const row = (label: string, value: string, key: string) => (
		<Box>
			<Box width={14}>
				<Text bold>{label}</Text>
			</Box>
			<Box flexGrow={1}>
				<Text wrap="truncate-end">{value}</Text>
			</Box>
			<Text color={theme.muted}> {key}</Text>
		</Box>
	);
	const link = view.link;
	const appName = link
		? `${link.app} (${link.appId})`
		: (view.linkedApps.find((app) => app.appId === currentApp)?.displayName ?? currentApp ?? '—');
	const modules = link ? qrModules(link.url).length : 0;
	// Two rows of modules a line; the rows above (choices, link) take about eight lines at this width.
	const linkLines = link ? Math.ceil(link.url.length / Math.max(20, size.width)) : 0;
	const fits =
		link !== undefined && modules <= size.width && Math.ceil(modules / 2) + 7 + linkLines <= size.height;
	const coloured = theme.accent !== undefined;
	return (
		<Box flexDirection="column">
			<Text bold>Run “{name}”</Text>
			{row('App', appName, `a · ${view.linkedApps.length} linked`)}
			{row(
				'Redirect URI',
				link ? `${redirectText(link.redirect)}${link.pkce ? ', PKCE S256' : ''}` : '—',
				`u · ${view.redirects.length} registered`,
			)}
			{row('Response', choice.responseType, 't')}
			{row('Locale', runLocales[choice.locale] || 'browser default', 'l')}
			<Text> </Text>
			{view.status === 'refused' ? (
				<Text color={theme.error}>{view.refusal}</Text>
			) : link ? (
				<Text wrap="wrap">{link.url}</Text>
			) : null}
			{link && fits ? (
				<Box flexDirection="column" marginTop={1}>
					{qrLines(link.url, { background: coloured ? 'light' : 'dark' }).map((line, index) =>
						coloured ? (
							// A dark module is a block, black on white, whatever the terminal's own background.
							<Text key={`qr-${index.toString()}`} color="black" backgroundColor="white">
								{line}
							</Text>
						) : (
							<Text key={`qr-${index.toString()}`}>{line}</Text>
						),
					)}
				</Box>
			) : link ? (
				<Text color={theme.muted}>
					The QR code needs {modules}×{Math.ceil(modules / 2) + 8} cells; enlarge the terminal, or press c to
					copy the link.
				</Text>
			) : null}
		</Box>
	);
}
