import type { ActionId } from '../../keys/keymap.js';
import {
	type CreateField,
	createFields,
	createUserFlow,
	loadTenantAttributes,
	loadTenantIdentityProviders,
	openProviderForm,
} from '../../store/index.js';
import { useStore } from '../store-context.js';

/** The ids a checklist offers, in display order (as filtered). */
export type ChoiceIds = { readonly providers: readonly string[]; readonly attributes: readonly string[] };

/** Rows one page key moves in a checklist. */
export type ChecklistPage = number;

const focusOf = (draft: { readonly focus: CreateField; readonly itemCursor: number }) =>
	({ type: 'createDraft/focusMoved', focus: draft.focus, itemCursor: draft.itemCursor }) as const;

const isList = (field: CreateField): field is 'providers' | 'attributes' =>
	field === 'providers' || field === 'attributes';

/** The create form's key handlers; each reads the draft from the store at key time. */
export function useCreateFormKeys(
	ids: ChoiceIds,
	page: ChecklistPage,
): Partial<Record<ActionId, () => void>> {
	const store = useStore();
	const draft = () => store.getState().createDraft;
	const focus = (field: CreateField, itemCursor = 0) =>
		store.dispatch({ type: 'createDraft/focusMoved', focus: field, itemCursor });
	const stepField = (by: 1 | -1) => {
		const current = draft();
		if (!current) return;
		const index = createFields.indexOf(current.focus) + by;
		const field = createFields[Math.max(0, Math.min(index, createFields.length - 1))];
		if (field) focus(field);
	};
	const submit = () => void store.run(createUserFlow());
	// Moves within the focused checklist, clamped to its (filtered) rows.
	const moveItem = (to: (cursor: number, last: number) => number) => {
		const current = draft();
		if (!current || !isList(current.focus)) return;
		const last = Math.max(0, ids[current.focus].length - 1);
		focus(current.focus, Math.max(0, Math.min(to(current.itemCursor, last), last)));
	};
	const step = Math.max(1, page - 1);
	return {
		'form.next': () => stepField(1),
		'form.prev': () => stepField(-1),
		'form.down': () => {
			const current = draft();
			if (current && isList(current.focus) && current.itemCursor < ids[current.focus].length - 1) {
				focus(current.focus, current.itemCursor + 1);
			} else stepField(1);
		},
		'form.up': () => {
			const current = draft();
			if (current && isList(current.focus) && current.itemCursor > 0)
				focus(current.focus, current.itemCursor - 1);
			else stepField(-1);
		},
		'form.toggle': () => {
			const current = draft();
			if (!current) return;
			if (current.focus === 'signUp')
				store.dispatch({ type: 'createDraft/changed', patch: { signUp: !current.signUp } });
			else if (current.focus === 'submit') submit();
			else if (isList(current.focus)) {
				const id = ids[current.focus][current.itemCursor];
				if (id) store.dispatch({ type: 'createDraft/itemToggled', field: current.focus, id });
			}
		},
		'list.top': () => moveItem(() => 0),
		'list.bottom': () => moveItem((_, last) => last),
		'list.pageDown': () => moveItem((cursor) => cursor + step),
		'list.pageUp': () => moveItem((cursor) => cursor - step),
		'list.filter': () => {
			const current = draft();
			if (current && isList(current.focus))
				store.dispatch({ ...focusOf(current), itemFilter: current.itemFilter ?? '', filtering: true });
		},
		'form.newProvider': () => void store.run(openProviderForm({ tickInCreateForm: true })),
		'form.enter': () => (draft()?.focus === 'submit' ? submit() : stepField(1)),
		'form.submit': submit,
		'form.cancel': () => {
			const current = draft();
			// A kept checklist filter goes before the form does (an error on screen was dismissed first by the
			// registry, as esc does everywhere).
			if (current?.itemFilter) return store.dispatch({ ...focusOf(current), itemCursor: 0, itemFilter: '' });
			if (draft()?.dirty) {
				store.dispatch({
					type: 'overlay/opened',
					overlay: {
						kind: 'confirm',
						message: 'Discard the new user flow? What you typed is lost.',
						intent: { type: 'discardCreateForm' },
					},
				});
			} else {
				store.dispatch({ type: 'createDraft/closed' });
				store.dispatch({ type: 'route/popped' });
			}
		},
		'screen.refresh': () => {
			void store.run(loadTenantIdentityProviders({ force: true }));
			void store.run(loadTenantAttributes({ force: true }));
		},
	};
}
