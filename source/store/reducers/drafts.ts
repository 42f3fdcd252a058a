import type { DraftAction } from '../actions.js';
import type { AppState, CreateDraft } from '../state.js';
import { assertNever } from './never.js';

function toggle(ids: readonly string[], id: string): readonly string[] {
	return ids.includes(id) ? ids.filter((item) => item !== id) : [...ids, id];
}

function changeDraft(draft: CreateDraft | undefined, change: (draft: CreateDraft) => CreateDraft) {
	return draft ? change(draft) : draft;
}

/** The create form, in-place edits and the Start screen's input. */
export function reduceDrafts(state: AppState, action: DraftAction): AppState {
	switch (action.type) {
		case 'createDraft/opened':
			return {
				...state,
				createDraft: {
					name: '',
					description: '',
					signUp: true,
					providerIds: action.providerIds,
					attributeIds: [],
					focus: 'name',
					itemCursor: 0,
					errors: {},
					submitting: false,
					dirty: false,
				},
			};
		case 'createDraft/changed':
			return {
				...state,
				createDraft: changeDraft(state.createDraft, (draft) => {
					const errors = { ...draft.errors };
					for (const field of Object.keys(action.patch)) delete errors[field as keyof typeof errors];
					return { ...draft, ...action.patch, errors, dirty: true };
				}),
			};
		case 'createDraft/itemToggled':
			return {
				...state,
				createDraft: changeDraft(state.createDraft, (draft) => {
					const key = action.field === 'providers' ? 'providerIds' : 'attributeIds';
					const errors = { ...draft.errors, [action.field]: undefined };
					return { ...draft, [key]: toggle(draft[key], action.id), errors, dirty: true };
				}),
			};
		case 'createDraft/focusMoved':
			return {
				...state,
				createDraft: changeDraft(state.createDraft, (draft) => {
					const stays = draft.focus === action.focus;
					return {
						...draft,
						focus: action.focus,
						itemCursor: action.itemCursor,
						itemFilter: action.itemFilter ?? (stays ? draft.itemFilter : undefined),
						filtering: action.filtering ?? (stays ? draft.filtering : false),
					};
				}),
			};
		case 'createDraft/submitStarted':
			return {
				...state,
				createDraft: changeDraft(state.createDraft, (draft) => ({ ...draft, submitting: true, errors: {} })),
			};
		case 'createDraft/rejected':
			return {
				...state,
				createDraft: changeDraft(state.createDraft, (draft) => ({
					...draft,
					submitting: false,
					errors: action.errors,
				})),
			};
		case 'createDraft/closed':
			return { ...state, createDraft: undefined };
		case 'edit/opened':
			return { ...state, edit: { flowId: action.flowId, field: action.field, text: action.text } };
		case 'edit/changed':
			return state.edit ? { ...state, edit: { ...state.edit, text: action.text, error: undefined } } : state;
		case 'edit/rejected':
			return state.edit ? { ...state, edit: { ...state.edit, error: action.error } } : state;
		case 'edit/closed':
			return { ...state, edit: undefined };
		case 'start/changed':
			return { ...state, start: { ...state.start, ...action.patch } };
		default:
			return assertNever(action);
	}
}
