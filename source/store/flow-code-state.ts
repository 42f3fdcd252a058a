// The keyboard app's flows-as-code: the export and clone dialogs, the Apply file screen, and which tenant
// (profile) is in use. Plain data; the effects in effects/flow-code.ts and effects/tenants.ts fill it.

import type { Plan } from '../operations/plan.js';
import type { TenantSnapshot } from '../operations/snapshot.js';

/** A profile the tenant switcher offers. */
export type TenantChoice = { readonly profile: string; readonly label: string };

/** Dialogs of this slice; they share the one overlay slot with the rest. */
export type FlowCodeOverlay =
	| {
			readonly kind: 'exportFlow';
			readonly flowId: string;
			/** As typed; a folder or a file, relative to the current folder. */
			readonly path: string;
			readonly error?: string;
			/** Set when the file exists: y overwrites it, n goes back to the path. */
			readonly overwrite?: string;
			readonly busy?: boolean;
	  }
	| {
			readonly kind: 'cloneFlow';
			readonly flowId: string;
			readonly name: string;
			readonly error?: string;
			readonly busy?: boolean;
	  }
	| { readonly kind: 'switchTenant'; readonly choices: readonly TenantChoice[]; readonly cursor: number };

/** How a line of the plan or report reads: its marker works without colour, the tone adds it. */
export type PlanTone = 'add' | 'remove' | 'change' | 'move' | 'heading' | 'plain' | 'problem';

/** One line of the plan as the screen shows it. */
export type PlanLine = { readonly mark: string; readonly text: string; readonly tone: PlanTone };

/** What became of a step, as the screen marks it. */
export type StepMark = 'waiting' | 'running' | 'done' | 'unchanged' | 'failed' | 'notDone';

/** One step of the apply with its mark. */
export type StepRow = { readonly text: string; readonly mark: StepMark; readonly note?: string };

/** The Apply file screen. */
export type ApplyFileState = {
	readonly path: string;
	readonly editing: boolean;
	/** What tab found to complete the path with, when there was more than one (or none). */
	readonly choices?: { readonly items: readonly string[]; readonly more: number };
	readonly phase: 'choose' | 'planning' | 'planned' | 'cannot' | 'applying' | 'applied' | 'stopped';
	/** The plan (or what is wrong) in words. */
	readonly lines: readonly PlanLine[];
	/** The plan's steps, marked as the apply goes. */
	readonly steps: readonly StepRow[];
	/** What the apply came to (or why nothing was planned), kept on screen. */
	readonly report: readonly PlanLine[];
	/** What the plan was made from, kept for `y`; plain data read from Graph. */
	readonly prepared?: { readonly plan: Plan; readonly snapshot: TenantSnapshot; readonly tenant?: string };
};

/** Actions of this slice. */
export type FlowCodeAction =
	| { readonly type: 'flowCode/dialogOpened'; readonly overlay: FlowCodeOverlay }
	| { readonly type: 'flowCode/textChanged'; readonly text: string }
	| { readonly type: 'flowCode/dialogBusy' }
	| { readonly type: 'flowCode/dialogRejected'; readonly error: string }
	| { readonly type: 'flowCode/overwriteAsked'; readonly file: string }
	| { readonly type: 'flowCode/tenantCursorMoved'; readonly cursor: number }
	| { readonly type: 'flowCode/exported'; readonly path: string }
	| { readonly type: 'applyFile/opened'; readonly path: string }
	| { readonly type: 'applyFile/pathChanged'; readonly text: string }
	| {
			readonly type: 'applyFile/completed';
			readonly text: string;
			readonly choices?: { readonly items: readonly string[]; readonly more: number };
	  }
	| { readonly type: 'applyFile/editing'; readonly editing: boolean }
	| { readonly type: 'applyFile/planStarted' }
	| {
			readonly type: 'applyFile/planned';
			readonly lines: readonly PlanLine[];
			readonly steps: readonly StepRow[];
			readonly prepared?: ApplyFileState['prepared'];
	  }
	| { readonly type: 'applyFile/notPlanned'; readonly report: readonly PlanLine[] }
	| { readonly type: 'applyFile/applyStarted' }
	| {
			readonly type: 'applyFile/stepMarked';
			readonly index: number;
			readonly mark: StepMark;
			readonly note?: string;
	  }
	| {
			readonly type: 'applyFile/applyEnded';
			readonly phase: 'applied' | 'stopped';
			readonly report: readonly PlanLine[];
	  }
	| { readonly type: 'tenant/switched'; readonly tenant?: TenantChoice };
