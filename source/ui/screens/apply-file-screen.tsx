import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { useKeyActions } from '../../keys/input-router.js';
import {
	applyFilePlan,
	completeApplyPath,
	currentEntry,
	type PlanLine,
	type PlanTone,
	planApplyFile,
	type StepMark,
	type StepRow,
} from '../../store/index.js';
import { useBodySize } from '../body-size.js';
import { TextField } from '../components/text-field.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useAppState, useStore } from '../store-context.js';
import { type Theme, useTheme } from '../theme.js';

// Marker and word both: the mark reads without colour, the word without knowing the marks.
const stepMarks: Record<StepMark, { readonly mark: string; readonly word: string }> = {
	waiting: { mark: '·', word: 'to do' },
	running: { mark: '…', word: 'running' },
	done: { mark: '✓', word: 'done' },
	unchanged: { mark: '=', word: 'done' },
	failed: { mark: '✗', word: 'failed' },
	notDone: { mark: '·', word: 'not done' },
};

function toneColor(theme: Theme, tone: PlanTone): string | undefined {
	switch (tone) {
		case 'add':
			return theme.success;
		case 'remove':
		case 'problem':
			return theme.error;
		case 'change':
			return theme.warning;
		case 'move':
			return theme.accent;
		default:
			return undefined;
	}
}

function markColor(theme: Theme, mark: StepMark): string | undefined {
	if (mark === 'done' || mark === 'unchanged') return theme.success;
	if (mark === 'failed') return theme.error;
	if (mark === 'running') return theme.accent;
	return theme.muted;
}

type Row = { readonly key: string; readonly node: ReactElement };

function planRow(theme: Theme, line: PlanLine, key: string): Row {
	return {
		key,
		node: (
			<Text
				key={key}
				wrap={line.tone === 'problem' ? 'wrap' : 'truncate-end'}
				bold={line.tone === 'heading'}
				color={toneColor(theme, line.tone)}
			>
				{line.mark} {line.text}
			</Text>
		),
	};
}

function stepRow(theme: Theme, row: StepRow, index: number): Row {
	const { mark, word } = stepMarks[row.mark];
	return {
		key: `step${index}`,
		node: (
			<Text key={`step${index}`} wrap="truncate-end">
				<Text color={markColor(theme, row.mark)}>{`${mark} ${word.padEnd(8)}`}</Text> {row.text}
				{row.note ? (
					<Text color={row.mark === 'failed' ? theme.error : theme.muted}> ({row.note})</Text>
				) : null}
			</Text>
		),
	};
}

/** Flow files against the tenant: type a file or folder, enter plans (nothing sent), y applies step by step. */
export function ApplyFileScreen() {
	const store = useStore();
	const theme = useTheme();
	const { height } = useBodySize();
	const screen = useAppState((state) => state.applyFile);
	const tenant = useAppState((state) => state.tenant);
	const entry = useAppState(currentEntry);
	const phase = screen?.phase ?? 'choose';
	const editing = screen?.editing === true && phase !== 'applying';
	const showsSteps = phase === 'applying' || phase === 'applied' || phase === 'stopped';
	const rows: Row[] = [
		...(showsSteps ? (screen?.steps ?? []).map((row, index) => stepRow(theme, row, index)) : []),
		...(phase === 'planned'
			? (screen?.lines ?? []).map((line, index) => planRow(theme, line, `plan${index}`))
			: []),
		...(screen?.report ?? []).map((line, index) => planRow(theme, line, `report${index}`)),
	];
	const view = Math.max(1, height - 5 - (screen?.choices ? 1 : 0));
	const lastTop = Math.max(0, rows.length - view);
	const top = Math.min(Math.max(0, entry.cursor), lastTop);
	const scroll = (by: number) =>
		store.dispatch({ type: 'route/cursorMoved', index: Math.min(lastTop, Math.max(0, top + by)) });
	const capture = useTextCapture(
		(state) => state.applyFile?.path ?? '',
		(text) => store.dispatch({ type: 'applyFile/pathChanged', text }),
	);
	const canApply = phase === 'planned' && (screen?.prepared?.plan.steps.length ?? 0) > 0;
	useKeyActions(
		['apply-file'],
		{
			'applyFile.apply': () => void store.run(applyFilePlan()),
			'applyFile.edit': () => store.dispatch({ type: 'applyFile/editing', editing: true }),
			'applyFile.complete': () => {
				if (!editing) store.dispatch({ type: 'applyFile/editing', editing: true });
				void store.run(completeApplyPath());
			},
			'applyFile.scrollDown': () => scroll(1),
			'applyFile.scrollUp': () => scroll(-1),
			'screen.refresh': () => void store.run(planApplyFile()),
		},
		{
			disabled: {
				'applyFile.apply': canApply
					? undefined
					: phase === 'applying'
						? 'The apply is under way.'
						: 'Nothing to apply: plan first (enter on the path, or ctrl+r).',
				'applyFile.edit': phase === 'applying' ? 'The apply is under way.' : undefined,
				'applyFile.complete': phase === 'applying' ? 'The apply is under way.' : undefined,
			},
		},
	);
	useKeyActions(
		['text'],
		{
			'text.accept': () => void store.run(planApplyFile()),
			'text.cancel': () => store.dispatch({ type: 'applyFile/editing', editing: false }),
		},
		{ level: 'capture', capture, active: editing },
	);
	const where = tenant ? `@${tenant.profile} (${tenant.label})` : 'this tenant';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{`Apply flow files to ${where}`}</Text>
			<Box>
				<Text>File or folder </Text>
				<Text color={theme.accent}>› </Text>
				<TextField value={screen?.path ?? ''} focused={editing} width={60} />
			</Box>
			{screen?.choices ? (
				<Text wrap="truncate-end" color={theme.muted}>
					{screen.choices.items.length === 0
						? 'No flow file or folder starts so.'
						: `${screen.choices.items.join('  ')}${screen.choices.more ? `  …and ${screen.choices.more} more` : ''}`}
				</Text>
			) : null}
			<Text color={theme.muted}>
				{phase === 'planning'
					? 'Reading the files and the tenant…'
					: phase === 'applying'
						? 'Applying, one write at a time…'
						: editing
							? 'enter reads the files and plans; nothing is sent until you press y'
							: phase === 'planned' && canApply
								? 'y applies this plan · e another path · ctrl+r plan again'
								: 'e another path · ctrl+r plan again'}
			</Text>
			<Text> </Text>
			<Box flexDirection="column" height={view} overflow="hidden">
				{rows.slice(top, top + view).map((row) => row.node)}
			</Box>
			{rows.length > view ? (
				<Text
					color={theme.muted}
				>{`lines ${top + 1}–${Math.min(rows.length, top + view)} of ${rows.length} (↑↓ scroll)`}</Text>
			) : null}
		</Box>
	);
}
