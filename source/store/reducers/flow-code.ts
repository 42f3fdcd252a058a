import type { ApplyFileState, FlowCodeAction } from '../flow-code-state.js';
import { type AppState, entry, initialState } from '../state.js';
import { assertNever } from './never.js';

const freshApply = (path: string): ApplyFileState => ({
	path,
	editing: true,
	phase: 'choose',
	lines: [],
	steps: [],
	report: [],
});

function patchApply(state: AppState, patch: Partial<ApplyFileState>): AppState {
	return { ...state, applyFile: { ...(state.applyFile ?? freshApply('')), ...patch } };
}

/** The export and clone dialogs, the Apply file screen and the tenant in use. */
export function reduceFlowCode(state: AppState, action: FlowCodeAction): AppState {
	const overlay = state.overlay;
	switch (action.type) {
		case 'flowCode/dialogOpened':
			return { ...state, overlay: action.overlay };
		case 'flowCode/textChanged':
			// Typing clears the last refusal: it described what was typed before.
			if (overlay?.kind === 'exportFlow')
				return {
					...state,
					overlay: { ...overlay, path: action.text, error: undefined, overwrite: undefined },
				};
			if (overlay?.kind === 'cloneFlow')
				return { ...state, overlay: { ...overlay, name: action.text, error: undefined } };
			return state;
		case 'flowCode/dialogBusy':
			return overlay?.kind === 'exportFlow' || overlay?.kind === 'cloneFlow'
				? { ...state, overlay: { ...overlay, busy: true, error: undefined } }
				: state;
		case 'flowCode/dialogRejected':
			if (overlay?.kind === 'exportFlow')
				return { ...state, overlay: { ...overlay, busy: false, error: action.error, overwrite: undefined } };
			return overlay?.kind === 'cloneFlow'
				? { ...state, overlay: { ...overlay, busy: false, error: action.error } }
				: state;
		case 'flowCode/overwriteAsked':
			return overlay?.kind === 'exportFlow'
				? { ...state, overlay: { ...overlay, busy: false, overwrite: action.file } }
				: state;
		case 'flowCode/tenantCursorMoved':
			return overlay?.kind === 'switchTenant'
				? { ...state, overlay: { ...overlay, cursor: action.cursor } }
				: state;
		case 'flowCode/exported':
			return { ...state, overlay: undefined, lastExport: action.path };
		case 'applyFile/opened':
			return {
				...state,
				applyFile: state.applyFile
					? { ...state.applyFile, editing: state.applyFile.phase !== 'applying' }
					: freshApply(action.path),
			};
		case 'applyFile/completed':
			return patchApply(state, {
				path: action.text,
				choices: action.choices,
				phase: 'choose',
				lines: [],
				steps: [],
				report: [],
				prepared: undefined,
			});
		case 'applyFile/pathChanged':
			return patchApply(state, {
				choices: undefined,
				path: action.text,
				phase: 'choose',
				lines: [],
				steps: [],
				report: [],
				prepared: undefined,
			});
		case 'applyFile/editing':
			return patchApply(state, { editing: action.editing });
		case 'applyFile/planStarted':
			return patchApply(state, { phase: 'planning', editing: false, lines: [], steps: [], report: [] });
		case 'applyFile/planned':
			return patchApply(state, {
				phase: 'planned',
				lines: action.lines,
				steps: action.steps,
				report: [],
				prepared: action.prepared,
			});
		case 'applyFile/notPlanned':
			return patchApply(state, {
				phase: 'cannot',
				lines: [],
				steps: [],
				report: action.report,
				prepared: undefined,
			});
		case 'applyFile/applyStarted':
			return patchApply(state, { phase: 'applying', report: [] });
		case 'applyFile/stepMarked': {
			const steps = (state.applyFile?.steps ?? []).map((row, index) =>
				index === action.index
					? { ...row, mark: action.mark, ...(action.note ? { note: action.note } : {}) }
					: row,
			);
			return patchApply(state, { steps });
		}
		case 'applyFile/applyEnded':
			// The plan is spent either way: a second `y` would be made from an old reading of the tenant.
			return patchApply(state, { phase: action.phase, report: action.report, prepared: undefined });
		case 'tenant/switched': {
			// Another tenant: nothing read from the last one stays, the typed path does.
			const fresh = initialState(true);
			const applyFile = state.applyFile ? { ...freshApply(state.applyFile.path), editing: false } : undefined;
			return {
				...fresh,
				routes: [entry({ id: 'user-flows' })],
				start: state.start,
				seq: state.seq,
				...(action.tenant ? { tenant: action.tenant } : {}),
				...(applyFile ? { applyFile } : {}),
				...(state.lastExport ? { lastExport: state.lastExport } : {}),
			};
		}
		default:
			return assertNever(action);
	}
}
