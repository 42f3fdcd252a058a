import { hidden, useKeyActions } from '../../keys/input-router.js';
import {
	type AppState,
	isLayoutDirty,
	type LayoutDraft,
	type LayoutEdit,
	type LayoutEditorView,
	loadUserFlow,
	saveLayout,
	selectResource,
} from '../../store/index.js';
import { useTextCapture } from '../hooks/use-text-capture.js';
import { useStore } from '../store-context.js';

type Toggle =
	| 'moveUp'
	| 'moveDown'
	| 'moveToTop'
	| 'moveToBottom'
	| 'toggleRequired'
	| 'toggleHidden'
	| 'toggleEditable';

const fieldOf = (state: AppState, flowId: string) => state.layoutDrafts[flowId]?.field;

function disabledReasons(view: LayoutEditorView | undefined) {
	const input = view?.selected;
	const none = input ? undefined : hidden;
	return {
		'layout.options':
			input && !input.choice
				? 'Choices apply to radio and checkbox inputs; press t to change the input type.'
				: none,
		'layout.type':
			input && input.allowedTypes.length < 2
				? `A ${input.dataType} attribute has one input type: ${input.allowedTypes.join('')}.`
				: none,
		'layout.undo': view && view.undoable === 0 ? 'Nothing to undo.' : undefined,
		'layout.save': view?.saving ? 'The page is being saved…' : view ? undefined : hidden,
		'layout.label': none,
		'layout.pattern': none,
		'layout.required': none,
		'layout.hidden': none,
		'layout.editable': none,
		'layout.moveUp': none,
		'layout.moveDown': none,
		'layout.moveTop': none,
		'layout.moveBottom': none,
	};
}

/** The editor's keys: selection, edits, the text field and leaving; handlers read the draft at key time. */
export function useLayoutKeys(flowId: string, view: LayoutEditorView | undefined): void {
	const store = useStore();
	const draft = (): LayoutDraft | undefined => store.getState().layoutDrafts[flowId];
	const dispatchEdit = (edit: LayoutEdit) => store.dispatch({ type: 'layout/edited', flowId, edit });
	const edit = (kind: Toggle) => {
		const input = draft()?.layout.inputs[draft()?.cursor ?? 0];
		if (input) dispatchEdit({ kind, attribute: input.attribute });
	};
	const select = (index: (current: LayoutDraft) => number) => {
		const current = draft();
		if (current) store.dispatch({ type: 'layout/cursorMoved', flowId, index: index(current) });
	};
	const leave = () => {
		const current = draft();
		if (current && isLayoutDirty(current))
			return store.dispatch({ type: 'overlay/opened', overlay: { kind: 'layoutLeave', flowId } });
		// A draft without changes is dropped, so coming back starts from the page as last read.
		if (current) store.dispatch({ type: 'layout/discarded', flowId });
		store.dispatch({ type: 'route/popped' });
	};
	const refresh = async () => {
		await store.run(loadUserFlow(flowId, { force: true }));
		// Only a read that came back replaces the page: a failed one leaves it on screen (marked stale) and the
		// error in the status line. Going, the clean draft is opened again from the flow just read.
		if (selectResource(store.getState(), 'userFlow', flowId).status !== 'ready') return;
		const current = draft();
		if (current && !isLayoutDirty(current)) store.dispatch({ type: 'layout/discarded', flowId });
	};
	const optionsOpen = view?.optionCursor !== undefined;
	const typing = view?.field !== undefined;
	useKeyActions(
		['layout'],
		{
			'layout.down': () => select((current) => current.cursor + 1),
			'layout.up': () => select((current) => current.cursor - 1),
			'layout.first': () => select(() => 0),
			'layout.last': () => select((current) => current.layout.inputs.length - 1),
			'layout.moveUp': () => edit('moveUp'),
			'layout.moveDown': () => edit('moveDown'),
			'layout.moveTop': () => edit('moveToTop'),
			'layout.moveBottom': () => edit('moveToBottom'),
			'layout.required': () => edit('toggleRequired'),
			'layout.hidden': () => edit('toggleHidden'),
			'layout.editable': () => edit('toggleEditable'),
			'layout.label': () => store.dispatch({ type: 'layout/fieldOpened', flowId, target: 'label' }),
			'layout.pattern': () => store.dispatch({ type: 'layout/fieldOpened', flowId, target: 'pattern' }),
			'layout.type': () => store.dispatch({ type: 'layout/inputTypeCycled', flowId }),
			'layout.options': () => store.dispatch({ type: 'layout/optionsOpened', flowId }),
			'layout.undo': () => store.dispatch({ type: 'layout/undone', flowId }),
			'layout.save': () => void store.run(saveLayout(flowId)),
			'layout.back': leave,
			'screen.refresh': () => void refresh(),
		},
		{
			active: !optionsOpen,
			disabled: {
				...disabledReasons(view),
				'screen.refresh': view?.dirty
					? 'There are unsaved changes: s saves them (checking the server first), u undoes them.'
					: undefined,
			},
		},
	);
	useLayoutOptionKeys(flowId, view, optionsOpen);
	const capture = useTextCapture(
		(state) => fieldOf(state, flowId)?.text ?? '',
		(text) => store.dispatch({ type: 'layout/fieldChanged', flowId, text }),
	);
	useKeyActions(
		['text'],
		{
			'text.accept': () => store.dispatch({ type: 'layout/fieldAccepted', flowId }),
			'text.cancel': () => store.dispatch({ type: 'layout/fieldClosed', flowId }),
		},
		{ level: 'capture', capture, active: typing },
	);
}

/** The options sub-editor's keys (a add, enter edit, d delete, K/J move, esc back to the page). */
function useLayoutOptionKeys(flowId: string, view: LayoutEditorView | undefined, active: boolean): void {
	const store = useStore();
	const draft = () => store.getState().layoutDrafts[flowId];
	const withOption = (act: (attribute: string, index: number, count: number) => void) => {
		const current = draft();
		const input = current?.layout.inputs[current.cursor];
		if (input && current?.optionCursor !== undefined && input.options.length > 0)
			act(input.attribute, current.optionCursor, input.options.length);
	};
	const move = (by: number) =>
		withOption((attribute, from) =>
			store.dispatch({
				type: 'layout/edited',
				flowId,
				edit: { kind: 'moveOption', attribute, from, to: from + by },
			}),
		);
	const select = (by: number) =>
		withOption((_, index) => store.dispatch({ type: 'layout/optionCursorMoved', flowId, index: index + by }));
	const empty =
		(view?.selected?.options.length ?? 0) === 0 ? 'There are no choices yet; press a to add one.' : undefined;
	useKeyActions(
		['layout-options'],
		{
			'options.down': () => select(1),
			'options.up': () => select(-1),
			'options.add': () => store.dispatch({ type: 'layout/fieldOpened', flowId, target: 'optionLabel' }),
			'options.edit': () =>
				withOption((_, option) =>
					store.dispatch({ type: 'layout/fieldOpened', flowId, target: 'optionLabel', option }),
				),
			'options.remove': () =>
				withOption((attribute, index) =>
					store.dispatch({ type: 'layout/edited', flowId, edit: { kind: 'removeOption', attribute, index } }),
				),
			'options.moveUp': () => move(-1),
			'options.moveDown': () => move(1),
			'options.close': () => store.dispatch({ type: 'layout/optionsClosed', flowId }),
			'layout.undo': () => store.dispatch({ type: 'layout/undone', flowId }),
		},
		{
			active,
			disabled: {
				'options.edit': empty,
				'options.remove': empty,
				'options.moveUp': empty,
				'options.moveDown': empty,
				'layout.undo': view && view.undoable === 0 ? 'Nothing to undo.' : undefined,
			},
		},
	);
}
