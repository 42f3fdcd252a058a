import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	flowLabel,
	layoutEditorView,
	openLayoutDraft,
	previewLines,
	selectResource,
} from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { BodyState } from '../components/body-state.js';
import { isStale } from '../components/stale-note.js';
import { useAppState, useStore } from '../store-context.js';
import { useTheme } from '../theme.js';
import { detailHeight, LayoutDetailPanel } from './layout-detail-panel.js';
import { LayoutOptionsPanel, optionsHeight } from './layout-options-panel.js';
import { LayoutPreviewPanel } from './layout-preview-panel.js';
import { LayoutTable, LayoutTableHeader } from './layout-table.js';
import { useLayoutKeys } from './use-layout-keys.js';

/** Props of the layout editor. */
export type LayoutEditorScreenProps = { readonly flowId: string };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The sign-up page as the user will see it, edited in a draft that lives in the store until saved or discarded. */
export function LayoutEditorScreen({ flowId }: LayoutEditorScreenProps) {
	const store = useStore();
	const theme = useTheme();
	const { height, width } = useBodySize();
	const draft = useAppState((state) => state.layoutDrafts[flowId]);
	const resource = useAppState((state) => selectResource(state, 'userFlow', flowId));
	const name = useAppState((state) => flowLabel(state, flowId));
	const view = useMemo(() => (draft ? layoutEditorView(draft) : undefined), [draft]);
	const missing = draft === undefined;
	// Opens from the cached flow (no request) or one GET; called again once a load in flight settles. A kept
	// draft is checked against the flow as last read each time it is shown or the flow is read again.
	// biome-ignore lint/correctness/useExhaustiveDependencies: the flow's load status and data are the signals to look again
	useEffect(() => {
		void store.run(openLayoutDraft(flowId));
	}, [store, flowId, missing, resource.status, resource.data]);
	useLayoutKeys(flowId, view);
	const [preview, setPreview] = useState(false);
	useKeyActions(['layout'], { 'layout.preview': () => setPreview(true) }, { active: view !== undefined });
	useKeyActions(
		['layout-preview'],
		{ 'preview.close': () => setPreview(false) },
		{ level: 'overlay', active: preview },
	);

	if (!view) {
		return resource.status === 'error' && resource.error ? (
			<BodyState kind="error" error={resource.error} />
		) : (
			<BodyState kind="loading" text="Loading the sign-up page…" />
		);
	}
	if (view.rows.length === 0) {
		return (
			<BodyState
				kind="empty"
				text={`“${name}” collects no attributes, so its sign-up page has no inputs. Add some on the attributes screen (esc, then a).`}
			/>
		);
	}
	if (preview && draft) {
		return <LayoutPreviewPanel lines={previewLines(draft.layout, width)} height={height} name={name} />;
	}
	const optionsOpen = view.optionCursor !== undefined;
	const panel = optionsOpen ? optionsHeight(view.selected, view.field) : detailHeight(view.selected);
	const listHeight = Math.max(2, Math.min(view.rows.length, height - 2 - panel));
	const stale = isStale(resource);
	const status = [
		stale ? 'stale: reading the page again failed (ctrl+r tries again)' : undefined,
		plural(view.rows.length, 'input'),
		view.dirty ? `unsaved: ${plural(view.undoable, 'edit')} (u undoes)` : 'no unsaved changes',
		view.problems.length > 0 ? `${plural(view.problems.length, 'problem')}: save refused` : undefined,
		`“${name}”`,
	]
		.filter(Boolean)
		.join(' · ');
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text
				wrap="truncate-end"
				color={view.problems.length > 0 ? theme.error : stale ? theme.warning : theme.muted}
			>
				{status}
			</Text>
			<LayoutTableHeader width={width} />
			<LayoutTable rows={view.rows} cursor={view.cursor} height={listHeight} width={width} />
			{view.selected && optionsOpen ? (
				<LayoutOptionsPanel
					detail={view.selected}
					position={view.cursor + 1}
					cursor={view.optionCursor ?? 0}
					field={view.field}
					height={Math.max(3, height - 2 - listHeight)}
				/>
			) : view.selected ? (
				<LayoutDetailPanel detail={view.selected} position={view.cursor + 1} field={view.field} />
			) : null}
		</Box>
	);
}
