// A set of flow files read together: each checked on its own, then across files (one name per flow, one
// definition per custom attribute, one flow per app) and against the sign-up page rules the layout editor runs.
import { validateLayout } from '../layout/index.js';
import { type CustomAttributeSpec, type FlowSet, type FlowSpec, nameKey, specLayout } from './model.js';
import type { FileProblem } from './problems.js';
import { type FileContent, readFileContent } from './read.js';
import { formatOfFile, parseSourceText, SyntaxProblem } from './source-text.js';

/** One file's name (as the person gave it) and text. */
export type SourceFile = { readonly file: string; readonly text: string };

/** Where a flow came from, so problems found later can name the file and line. */
export type FlowOrigin = { readonly file: string; readonly lineOf: (path: string) => number | undefined };

/** The files as one set, or every problem found in them. */
export type LoadedFiles = {
	readonly set: FlowSet;
	/** By nameKey of the flow's name. */
	readonly origins: ReadonlyMap<string, FlowOrigin>;
	readonly problems: readonly FileProblem[];
};

/** The data type of a built-in attribute (every built-in sign-up attribute is a string). */
export const builtInDataType = 'string';

/** Reads and checks every file; the set is only meaningful when `problems` is empty. */
export function loadFlowFiles(files: readonly SourceFile[]): LoadedFiles {
	const problems: FileProblem[] = [];
	const contents: { file: string; content: FileContent }[] = [];
	for (const { file, text } of files) {
		try {
			const read = readFileContent(file, parseSourceText(text, formatOfFile(file)));
			problems.push(...read.problems);
			if (read.content) contents.push({ file, content: read.content });
		} catch (error) {
			if (!(error instanceof SyntaxProblem)) throw error;
			problems.push({
				file,
				...(error.line === undefined ? {} : { line: error.line }),
				message: error.message,
			});
		}
	}
	const customAttributes = mergeDefinitions(contents, problems);
	const flows: FlowSpec[] = [];
	const origins = new Map<string, FlowOrigin>();
	const appOwners = new Map<string, { flow: string; file: string }>();
	for (const { file, content } of contents) {
		const flow = content.flow;
		if (!flow) continue;
		const at = (field: string, message: string) => {
			const line = lineNear(content.lineOf, field);
			problems.push({ file, ...(line === undefined ? {} : { line }), field, message });
		};
		const earlier = origins.get(nameKey(flow.name));
		if (earlier) {
			at(
				'name',
				`another file names a user flow "${flow.name}" too (${earlier.file}); flow names are unique in a tenant (case does not count)`,
			);
			continue;
		}
		origins.set(nameKey(flow.name), { file, lineOf: content.lineOf });
		flows.push(flow);
		checkFlow(flow, customAttributes, at);
		flow.applications.forEach((app, index) => {
			const owner = appOwners.get(app.appId.toLowerCase());
			if (owner)
				at(
					`applications[${index}]`,
					`${app.displayName} (${app.appId}) is also listed by "${owner.flow}" (${owner.file}); an application uses one user flow`,
				);
			else appOwners.set(app.appId.toLowerCase(), { flow: flow.name, file });
		});
	}
	return { set: { customAttributes, flows }, origins, problems };
}

/** The custom attribute definitions of all files, one per name; disagreeing ones are problems. */
function mergeDefinitions(
	contents: readonly { file: string; content: FileContent }[],
	problems: FileProblem[],
): CustomAttributeSpec[] {
	const byName = new Map<string, { spec: CustomAttributeSpec; file: string }>();
	for (const { file, content } of contents) {
		content.customAttributes.forEach((spec, index) => {
			const earlier = byName.get(nameKey(spec.name));
			if (!earlier) {
				byName.set(nameKey(spec.name), { spec, file });
				return;
			}
			const differs = (['dataType', 'description', 'displayName'] as const).find(
				(field) => spec[field] !== earlier.spec[field],
			);
			if (differs) {
				const field = `customAttributes[${index}].${differs}`;
				const line = content.lineOf(field);
				problems.push({
					file,
					...(line === undefined ? {} : { line }),
					field,
					message: `${spec.name} is defined again with ${differs} ${JSON.stringify(spec[differs])}; ${earlier.file} says ${JSON.stringify(earlier.spec[differs])}`,
				});
			}
		});
	}
	return [...byName.values()].map((entry) => entry.spec);
}

function checkFlow(
	flow: FlowSpec,
	definitions: readonly CustomAttributeSpec[],
	at: (field: string, message: string) => void,
): void {
	const seen = new Set<string>();
	flow.identityProviders.forEach((id, index) => {
		if (seen.has(nameKey(id))) at(`identityProviders[${index}]`, `${id} is listed twice`);
		seen.add(nameKey(id));
	});
	if (flow.inputs.length === 0) return;
	// A custom attribute defined nowhere in the files is checked against the tenant by the plan instead.
	const dataTypeOf = (input: FlowSpec['inputs'][number]) =>
		input.custom
			? (definitions.find((spec) => nameKey(spec.name) === nameKey(input.attribute))?.dataType ?? '')
			: builtInDataType;
	for (const problem of validateLayout(specLayout(flow, dataTypeOf))) {
		const field =
			problem.index === undefined
				? 'attributes'
				: `attributes[${problem.index}]${problem.field && problem.field !== 'attribute' ? `.${problem.field}` : ''}`;
		at(field, problem.message);
	}
}

/** The line of a field, or of the nearest enclosing value when the field itself is absent. */
export function lineNear(lineOf: (path: string) => number | undefined, field: string): number | undefined {
	let path = field;
	for (;;) {
		const line = lineOf(path);
		if (line !== undefined || path === '') return line;
		path = path.replace(/\[\d+\]$|\.?[^.[\]]+$/, '');
	}
}
