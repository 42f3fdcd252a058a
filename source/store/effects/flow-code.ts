// `x` export, `c` clone and the Apply file screen: the operations do the work, these word what came of it.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { applyPlan } from '../../operations/apply.js';
import {
	cloneFlow,
	exportFlowText,
	flowFileName,
	planFiles,
	type SourceFile,
} from '../../operations/flow-code.js';
import { display } from '../../text/sanitize.js';
import { describeError, toAppError } from '../errors.js';
import { cannotView, fileProblemsView, planView, reportView, resultMark, stepRows } from '../plan-views.js';
import { flowById, flowLabel } from '../selectors.js';
import type { AppState } from '../state.js';
import type { Effect, EffectContext } from '../store.js';
import { handleExpiry } from './common.js';
import { loadUserFlows } from './flows.js';
import { refuseWithoutPermission } from './preflight.js';
import { refusalText } from './refusal-text.js';

const cwdOf = (context: EffectContext) => context.deps.cwd ?? process.cwd();
const within = (context: EffectContext, path: string) =>
	isAbsolute(path) ? path : resolve(cwdOf(context), path);
const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unreadable';
const tenantName = (state: AppState) => (state.tenant ? `@${state.tenant.profile}` : 'the tenant');

/** `x`: asks where to write the flow, offering its file name in the current folder. */
export function openExport(flowId: string): Effect {
	return async (context) => {
		const name = flowById(context.getState(), flowId)?.displayName ?? flowId;
		context.dispatch({
			type: 'flowCode/dialogOpened',
			overlay: { kind: 'exportFlow', flowId, path: flowFileName(name) },
		});
	};
}

/** Where the typed path writes: a folder gets the flow's file name; the extension says the format. */
function exportTarget(context: EffectContext, typed: string, flowName: string) {
	const path = within(context, typed);
	const folder = typed.endsWith('/') || (existsSync(path) && statSync(path).isDirectory());
	const file = folder ? join(path, flowFileName(flowName)) : path;
	const extension = extname(file).toLowerCase();
	if (!['.yaml', '.yml', '.json'].includes(extension))
		return { error: `A flow file ends in .yaml, .yml or .json; ${basename(file)} does not.` };
	return { file, format: extension === '.json' ? ('json' as const) : ('yaml' as const) };
}

/** Enter in the export dialog (y after "overwrite?"): reads the flow and writes it, never over a file unasked. */
export function exportFlow(options: { readonly overwrite?: boolean } = {}): Effect {
	const self: Effect = async (context) => {
		const overlay = context.getState().overlay;
		if (overlay?.kind !== 'exportFlow' || overlay.busy) return;
		const typed = overlay.path.trim();
		if (!typed)
			return context.dispatch({
				type: 'flowCode/dialogRejected',
				error: 'Type a file or folder to write to.',
			});
		const flowName = flowLabel(context.getState(), overlay.flowId);
		const target = exportTarget(
			context,
			typed,
			flowById(context.getState(), overlay.flowId)?.displayName ?? flowName,
		);
		if ('error' in target)
			return context.dispatch({ type: 'flowCode/dialogRejected', error: target.error ?? '' });
		if (!options.overwrite && existsSync(target.file))
			return context.dispatch({ type: 'flowCode/overwriteAsked', file: target.file });
		context.dispatch({ type: 'flowCode/dialogBusy' });
		const id = `export:${overlay.flowId}`;
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: `Exporting “${flowName}”`, write: false },
		});
		try {
			const exported = await exportFlowText(context.deps.graph, overlay.flowId, target.format);
			if (!exported)
				return context.dispatch({
					type: 'flowCode/dialogRejected',
					error: `“${flowName}” is gone from the tenant; nothing was written.`,
				});
			try {
				// wx: a file that appeared since the check is not overwritten either.
				writeFileSync(target.file, exported.text, { flag: options.overwrite ? 'w' : 'wx' });
			} catch (error) {
				if (code(error) === 'EEXIST')
					return context.dispatch({ type: 'flowCode/overwriteAsked', file: target.file });
				const why =
					code(error) === 'ENOENT'
						? `the folder of ${target.file} does not exist; make it first or type another path`
						: `${target.file} cannot be written (${code(error)})`;
				return context.dispatch({ type: 'flowCode/dialogRejected', error: `Not exported: ${why}.` });
			}
			context.dispatch({ type: 'flowCode/exported', path: target.file });
			context.dispatch({
				type: 'flash/shown',
				level: 'success',
				text: `Exported “${flowName}” to ${display(target.file)}.`,
			});
		} catch (error) {
			if (handleExpiry(context, self, error)) return;
			context.dispatch({
				type: 'flowCode/dialogRejected',
				error: `Not exported: ${describeError(toAppError(error))}`,
			});
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

/** `c`: asks the copy's name, offering "Copy of …". */
export function openClone(flowId: string): Effect {
	return async (context) => {
		const name = flowLabel(context.getState(), flowId);
		if (await refuseWithoutPermission(context, `“${name}” cannot be cloned with this sign-in`)) return;
		context.dispatch({
			type: 'flowCode/dialogOpened',
			overlay: { kind: 'cloneFlow', flowId, name: `Copy of ${name}` },
		});
	};
}

/** Enter in the clone dialog: a taken name is refused with the name kept as typed; the copy opens when made. */
export function cloneUserFlow(): Effect {
	const self: Effect = async (context) => {
		const overlay = context.getState().overlay;
		if (overlay?.kind !== 'cloneFlow' || overlay.busy) return;
		const name = overlay.name.trim();
		const source = flowLabel(context.getState(), overlay.flowId);
		if (!name)
			return context.dispatch({ type: 'flowCode/dialogRejected', error: 'Type a name for the copy.' });
		context.dispatch({ type: 'flowCode/dialogBusy' });
		const id = `clone:${overlay.flowId}`;
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: `Cloning “${source}”`, write: true },
		});
		try {
			const outcome = await cloneFlow(context.deps.graph, { flowId: overlay.flowId }, name);
			switch (outcome.kind) {
				case 'noSuchFlow':
					return context.dispatch({
						type: 'flowCode/dialogRejected',
						error: `“${source}” is gone from the tenant; nothing was made.`,
					});
				case 'refused':
					return context.dispatch({
						type: 'flowCode/dialogRejected',
						error: `Not cloned: ${refusalText(outcome.refusal, { flow: source })}. Type another name.`,
					});
				case 'cannot':
					return context.dispatch({
						type: 'flowCode/dialogRejected',
						error: `Not cloned: ${outcome.problems.map((problem) => display(problem.message)).join('; ')}.`,
					});
				case 'applied': {
					if (outcome.report.stopped) {
						const lines = reportView(outcome.report.results, outcome.report.stopped);
						context.dispatch({ type: 'overlay/closed' });
						context.dispatch({
							type: 'flash/shown',
							level: 'error',
							text: `Clone of “${source}” not finished. ${lines.map((line) => line.text).join(' ')}`,
						});
						void context.run(loadUserFlows({ force: true }));
						return;
					}
					context.dispatch({ type: 'overlay/closed' });
					await context.run(loadUserFlows({ force: true }));
					if (outcome.flowId)
						context.dispatch({ type: 'route/pushed', route: { id: 'user-flow', flowId: outcome.flowId } });
					context.dispatch({
						type: 'flash/shown',
						level: 'success',
						text: `Cloned “${source}” as “${display(name)}”; it has no apps yet.`,
					});
					return;
				}
			}
		} catch (error) {
			if (handleExpiry(context, self, error)) return;
			context.dispatch({
				type: 'flowCode/dialogRejected',
				error: `Not cloned: ${describeError(toAppError(error))}`,
			});
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

const flowFile = /\.(ya?ml|json)$/i;
const schemaFile = 'entra-flows.schema.json';

/** A file, or a folder's flow files (not the schema copy export writes), as the commands read them. */
function sourcesOf(path: string): SourceFile[] | string {
	let folder: boolean;
	try {
		folder = statSync(path).isDirectory();
	} catch (error) {
		return `Cannot read ${path}: ${code(error) === 'ENOENT' ? 'no such file or folder' : code(error)}.`;
	}
	const names = folder
		? readdirSync(path)
				.filter((name) => flowFile.test(name) && name !== schemaFile && !name.startsWith('.'))
				.sort()
				.map((name) => join(path, name))
		: [path];
	if (names.length === 0) return `${path} holds no flow files (*.yaml, *.yml, *.json).`;
	try {
		return names.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
	} catch (error) {
		return `Cannot read a file of ${path}: ${code(error)}.`;
	}
}

const shownChoices = 6;

/** The longest start every name shares. */
function commonStart(names: readonly string[]): string {
	return names.reduce((shared, name) => {
		let length = 0;
		while (length < shared.length && shared[length] === name[length]) length++;
		return shared.slice(0, length);
	});
}

/** Tab on the path: completes it as far as the folder's flow files and folders agree, like a shell. */
export function completeApplyPath(): Effect {
	return async (context) => {
		const typed = context.getState().applyFile?.path ?? '';
		const cut = typed.lastIndexOf('/') + 1;
		const [head, prefix] = [typed.slice(0, cut), typed.slice(cut)];
		let names: string[];
		try {
			names = readdirSync(within(context, head || '.'), { withFileTypes: true })
				.filter(
					(item) => item.name.startsWith(prefix) && (prefix.startsWith('.') || !item.name.startsWith('.')),
				)
				.filter((item) => item.isDirectory() || (flowFile.test(item.name) && item.name !== schemaFile))
				.map((item) => (item.isDirectory() ? `${item.name}/` : item.name))
				.sort();
		} catch {
			names = [];
		}
		const [only] = names;
		if (names.length === 1 && only)
			return context.dispatch({ type: 'applyFile/completed', text: `${head}${only}` });
		const common = names.length > 0 ? commonStart(names) : prefix;
		context.dispatch({
			type: 'applyFile/completed',
			text: `${head}${common}`,
			choices: {
				items: names.slice(0, shownChoices).map(display),
				more: Math.max(0, names.length - shownChoices),
			},
		});
	};
}

/** Opens the Apply file screen, offering the last exported file, else the current folder. */
export function openApplyFile(): Effect {
	return async (context) => {
		const state = context.getState();
		context.dispatch({ type: 'applyFile/opened', path: state.lastExport ?? `${cwdOf(context)}/` });
		context.dispatch({ type: 'route/pushed', route: { id: 'apply-file' } });
	};
}

/** Enter (or ctrl+r): reads the files, reads the tenant once, and shows the plan. */
export function planApplyFile(): Effect {
	const self: Effect = async (context) => {
		const screen = context.getState().applyFile;
		if (!screen || screen.phase === 'applying' || screen.phase === 'planning') return;
		const typed = screen.path.trim();
		if (!typed)
			return context.dispatch({
				type: 'applyFile/notPlanned',
				report: [{ mark: '!', text: 'Type a flow file or a folder of them.', tone: 'problem' }],
			});
		const sources = sourcesOf(within(context, typed));
		if (typeof sources === 'string')
			return context.dispatch({
				type: 'applyFile/notPlanned',
				report: [{ mark: '!', text: display(sources), tone: 'problem' }],
			});
		context.dispatch({ type: 'applyFile/planStarted' });
		const tenant = tenantName(context.getState());
		const id = 'plan:files';
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: `Reading ${tenant} to plan`, write: false },
		});
		try {
			const planned = await planFiles(context.deps.graph, sources);
			if (planned.kind === 'badFiles')
				return context.dispatch({ type: 'applyFile/notPlanned', report: fileProblemsView(planned.problems) });
			if (planned.kind === 'cannot')
				return context.dispatch({
					type: 'applyFile/notPlanned',
					report: cannotView(planned.problems, tenant),
				});
			context.dispatch({
				type: 'applyFile/planned',
				lines: planView(planned.plan, tenant),
				steps: stepRows(planned.plan),
				prepared: { plan: planned.plan, snapshot: planned.snapshot },
			});
		} catch (error) {
			if (handleExpiry(context, self, error)) return;
			context.dispatch({
				type: 'applyFile/notPlanned',
				report: [
					{
						mark: '!',
						text: `Could not read ${tenant}: ${describeError(toAppError(error))}`,
						tone: 'problem',
					},
				],
			});
		} finally {
			context.dispatch({ type: 'activity/finished', id });
		}
	};
	return self;
}

/** `y` on a plan: each step through its operation, marked as it ends; a stop leaves the exact report. */
export function applyFilePlan(): Effect {
	return async (context) => {
		const screen = context.getState().applyFile;
		const prepared = screen?.prepared;
		if (screen?.phase !== 'planned' || !prepared || prepared.plan.steps.length === 0) return;
		if (await refuseWithoutPermission(context, 'The files cannot be applied with this sign-in')) return;
		context.dispatch({ type: 'applyFile/applyStarted' });
		const id = 'apply:files';
		context.dispatch({
			type: 'activity/started',
			activity: { id, verb: `Applying ${prepared.plan.steps.length} step(s)`, write: true },
		});
		let index = 0;
		context.dispatch({ type: 'applyFile/stepMarked', index, mark: 'running' });
		try {
			const report = await applyPlan(context.deps.graph, prepared.plan, prepared.snapshot, {
				onStep: (result) => {
					context.dispatch({ type: 'applyFile/stepMarked', index, ...resultMark(result) });
					index++;
					if (index < prepared.plan.steps.length)
						context.dispatch({ type: 'applyFile/stepMarked', index, mark: 'running' });
				},
			});
			report.results.forEach((result, at) => {
				if (result.status === 'notDone')
					context.dispatch({ type: 'applyFile/stepMarked', index: at, mark: 'notDone' });
			});
			context.dispatch({
				type: 'applyFile/applyEnded',
				phase: report.stopped ? 'stopped' : 'applied',
				report: reportView(report.results, report.stopped),
			});
			context.dispatch({
				type: 'flash/shown',
				level: report.stopped ? 'error' : 'success',
				text: report.stopped
					? 'The apply stopped; the report is on screen.'
					: `Applied ${report.results.length} step(s) to ${tenantName(context.getState())}.`,
			});
		} catch (error) {
			context.dispatch({
				type: 'applyFile/applyEnded',
				phase: 'stopped',
				report: [
					{ mark: '!', text: `The apply stopped: ${describeError(toAppError(error))}`, tone: 'problem' },
				],
			});
		} finally {
			context.dispatch({ type: 'activity/finished', id });
			// What the list shows is stale now, whatever happened.
			void context.run(loadUserFlows({ force: true }));
		}
	};
}
