// The request inspector's building blocks: recording, masking, equivalent commands, clipboard.
export { osc52 } from './clipboard.js';
export { describeRequest, requestLine } from './describe.js';
export {
	type EquivalentCommands,
	equivalentCommands,
	powerShellQuote,
	type ReplayableRequest,
	shellQuote,
	toAzRest,
	toCurl,
	toPowerShell,
} from './equivalents.js';
export {
	isSecretKey,
	maskBodyText,
	masked,
	maskSecrets,
	maskSecretsInText,
	maskUrl,
	secretKeys,
} from './mask.js';
export {
	createRequestRecorder,
	type RecordContext,
	type RecordedRequest,
	type RecorderOptions,
	type RequestRecorder,
} from './recorder.js';
