import type { Layout, LayoutEdit, LayoutOption } from '../layout/index.js';

export type { Layout, LayoutEdit, LayoutInput, LayoutOption, LayoutProblem } from '../layout/index.js';

/** Which text the layout editor's field is typing. */
export type LayoutFieldTarget = 'label' | 'pattern' | 'optionLabel' | 'optionValue';

/** The layout editor's open text field. Options are typed in two steps: label, then value. */
export type LayoutField = {
	readonly target: LayoutFieldTarget;
	readonly text: string;
	/** The option being edited; undefined while adding a new one. */
	readonly option?: number;
	/** The label typed in the first step of an option edit. */
	readonly optionLabel?: string;
};

/** A flow's sign-up page as edited; lives in the store so it survives leaving the editor. */
export type LayoutDraft = {
	readonly flowId: string;
	/** The page as last read from Graph: the validation baseline and what a save compares against. */
	readonly base: Layout;
	/** layoutFingerprint(base): a save refuses to overwrite silently when the server's differs. */
	readonly baseFingerprint: string;
	/** The page as edited. */
	readonly layout: Layout;
	/** Earlier layouts, oldest first, for undo. */
	readonly history: readonly Layout[];
	/** Index of the selected input. */
	readonly cursor: number;
	/** Index of the selected option while the options sub-editor is open; undefined when it is closed. */
	readonly optionCursor?: number;
	readonly field?: LayoutField;
	/** True while the pre-save read or the PATCH runs. */
	readonly saving: boolean;
	/** The last choices of inputs `t` took off a choice type, by attribute: coming back to one restores them. */
	readonly keptOptions?: Readonly<Record<string, readonly LayoutOption[]>>;
	/** Attributes the admin moved, so the save's diff names them as the moved ones (not their neighbours). */
	readonly moved?: readonly string[];
	/**
	 * True from a save shown from its answer until the read-back confirms what the service stored: a save meanwhile
	 * reads until the page shows it, so a read that lags the write is not taken for someone else's change.
	 */
	readonly confirming?: boolean;
};

/** What happens to a layout draft: edits, selection, the text field, undo and save bookkeeping. */
export type LayoutAction =
	| {
			readonly type: 'layout/opened';
			readonly flowId: string;
			readonly layout: Layout;
			readonly fingerprint: string;
			/** Opened from a save's answer, before its read-back (LayoutDraft.confirming). */
			readonly confirming?: boolean;
	  }
	| {
			/** The flow's attributes changed: the draft (base and undo steps too) takes the page's set of inputs. */
			readonly type: 'layout/rebased';
			readonly flowId: string;
			/** The page as last read. */
			readonly page: Layout;
			/** layoutFingerprint(rebaseLayout(draft.base, page)): the new base's. */
			readonly fingerprint: string;
	  }
	| { readonly type: 'layout/edited'; readonly flowId: string; readonly edit: LayoutEdit }
	| { readonly type: 'layout/inputTypeCycled'; readonly flowId: string }
	| { readonly type: 'layout/undone'; readonly flowId: string }
	| { readonly type: 'layout/cursorMoved'; readonly flowId: string; readonly index: number }
	| { readonly type: 'layout/optionsOpened'; readonly flowId: string }
	| { readonly type: 'layout/optionsClosed'; readonly flowId: string }
	| { readonly type: 'layout/optionCursorMoved'; readonly flowId: string; readonly index: number }
	| {
			readonly type: 'layout/fieldOpened';
			readonly flowId: string;
			readonly target: LayoutFieldTarget;
			/** For option edits: which option (undefined adds one). */
			readonly option?: number;
	  }
	| { readonly type: 'layout/fieldChanged'; readonly flowId: string; readonly text: string }
	| { readonly type: 'layout/fieldAccepted'; readonly flowId: string }
	| { readonly type: 'layout/fieldClosed'; readonly flowId: string }
	| { readonly type: 'layout/saveStarted'; readonly flowId: string }
	| { readonly type: 'layout/saveEnded'; readonly flowId: string }
	/** The read-back after a save ended: the draft's base is what the service stored, or as good as it gets. */
	| { readonly type: 'layout/confirmed'; readonly flowId: string }
	| { readonly type: 'layout/discarded'; readonly flowId: string };

/** The layout editor's dialogs: the diff before saving, a change made meanwhile on the server, and leaving. */
export type LayoutOverlay =
	| {
			readonly kind: 'layoutSave';
			readonly flowId: string;
			/** What saving changes on the page as it is now (formatLayoutDiff, sanitized). */
			readonly lines: readonly string[];
			/** True when the save would add or remove inputs (never from the editor's own edits). */
			readonly loud: boolean;
	  }
	| {
			readonly kind: 'layoutConflict';
			readonly flowId: string;
			/** The page as the server has it now. */
			readonly server: Layout;
			/** What changed on the server since the draft's base was read, as facts (past tense). */
			readonly theirs: readonly string[];
			/** What saving the draft would change on the page as it is now. */
			readonly mine: readonly string[];
			readonly loud: boolean;
	  }
	| { readonly kind: 'layoutLeave'; readonly flowId: string };
