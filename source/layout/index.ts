// The sign-up page layout model: pure, shared by `layout show/set` and the keyboard editor.
export {
	type DiffLayoutsOptions,
	diffLayouts,
	type FormatDiffOptions,
	formatFieldValue,
	formatLayoutDiff,
	isEmptyDiff,
	type LayoutChange,
	type LayoutDiff,
	type LayoutField,
	type LayoutMove,
} from './diff.js';
export {
	type LayoutDocument,
	type LayoutDocumentInput,
	type LayoutFile,
	LayoutFileError,
	layoutDocument,
	layoutFromFile,
	parseLayoutFile,
} from './document.js';
export { layoutFingerprint } from './fingerprint.js';
export { type JsonText, JsonTextError, parseJsonText } from './json-text.js';
export {
	allowedInputTypes,
	canonicalInputType,
	choiceInputTypes,
	inputTypes,
	integerPattern,
	isChoiceType,
	isKnownDataType,
	type Layout,
	type LayoutInput,
	type LayoutOption,
	layoutAttributes,
	layoutFromFlow,
	layoutInputFrom,
	layoutUpdate,
	toPageInputs,
	withLayout,
} from './model.js';
export {
	addOption,
	applyEdit,
	indexOfAttribute,
	type LayoutEdit,
	moveDown,
	moveOption,
	moveTo,
	moveToBottom,
	moveToTop,
	moveUp,
	removeOption,
	setInputType,
	setLabel,
	setValidationRegEx,
	toggleEditable,
	toggleHidden,
	toggleRequired,
	updateOption,
} from './operations.js';
export { type InputSetChange, inputSetChange, rebaseLayout, sameInputSet } from './rebase.js';
export {
	formatProblem,
	type LayoutProblem,
	patternError,
	type ValidateOptions,
	validateLayout,
} from './validate.js';
