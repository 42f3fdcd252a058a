import type { ActionId } from '../../keys/keymap.js';
import {
	type CreateField,
	createFields,
	createUserFlow,
	loadTenantAttributes,
	loadTenantIdentityProviders,
} from '../../store/index.js';
import { useStore } from '../store-context.js';

/** The ids a checklist offers, in display order. */
export type ChoiceIds = { readonly providers: readonly string[]; readonly attributes: readonly string[] };

const isList = (field: CreateField): field is 'providers' | 'attributes' =>
	field === 'providers' || field === 'attributes';

/** The create form's key handlers; each reads the draft from the store at key time. */
export function useCreateFormKeys(ids: ChoiceIds): Partial<Record<ActionId, () => void>> {
	const store = useStore();
	const draft = () => store.getState().createDraft;
	const focus = (field: CreateField, itemCursor = 0) =>
		store.dispatch({ type: 'createDraft/focusMoved', focus: field, itemCursor });
	const step = (by: 1 | -1) => {
		const current = draft();
		if (!current) return;
		const index = createFields.indexOf(current.focus) + by;
		const field = createFields[Math.max(0, Math.min(index, createFields.length - 1))];
		if (field) focus(field);
	};
	const submit = () => void store.run(createUserFlow());
	return {
		'form.next': () => step(1),
		'form.prev': () => step(-1),
		'form.down': () => {
			const current = draft();
			if (current && isList(current.focus) && current.itemCursor < ids[current.focus].length - 1) {
				focus(current.focus, current.itemCursor + 1);
			} else step(1);
		},
		'form.up': () => {
			const current = draft();
			if (current && isList(current.focus) && current.itemCursor > 0)
				focus(current.focus, current.itemCursor - 1);
			else step(-1);
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
		'form.enter': () => (draft()?.focus === 'submit' ? submit() : step(1)),
		'form.submit': submit,
		'form.cancel': () => {
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
