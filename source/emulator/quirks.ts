// Switches for behaviour the docs leave unsure. Each default is the "safe reading": the one that makes a
// client that works against the emulator also work against the real service.
//
// Spec string (for a `--quirks` flag): `key=value` pairs separated by commas, e.g.
//   get-wrapped=false,duplicate-status=409,delete-with-apps=unlink,remove-attribute-keeps-input=true,provider-ref=canonical-only
//
// | key                          | values                   | default  | why this default                                                          |
// | get-wrapped                  | true / false             | true     | the docs wrap GET-one in {"value": …}, not standard OData; a client       |
// |                              |                          |          | must accept both, so serve the documented odd form by default.          |
// | duplicate-status             | 400 / 409                | 400      | a unique name is documented, its error status is not; uniqueness errors   |
// |                              |                          |          | are 400 Request_BadRequest, so 400; 409 answers code nameAlreadyExists.  |
// | delete-with-apps             | refuse / unlink          | refuse   | undocumented; refusing forces the client to unlink first, which           |
// |                              |                          |          | also works if the real service silently unlinks.                          |
// | remove-attribute-keeps-input | true / false             | false    | current v1.0 update page: $ref add/remove updates both objects.           |
// | provider-ref                 | lenient / canonical-only | lenient  | the docs post a URL without /identity/; accept it and the canonical       |
// |                              |                          |          | form (applies to attribute $ref bodies too).                              |
// | beta-patch-inputs            | refuse / allow           | refuse   | old beta examples add/remove inputs by PATCH; v1.0 forbids it. Refusing   |
// |                              |                          |          | on beta too keeps clients on the $ref APIs that work on both.             |
// | empty-attributes             | 400 / empty              | 400      | the docs say listing a flow's attributes gives 400 when it has none.       |
// | content-type                 | required / optional      | required | the pages list Content-Type as required on every body.                   |
// | delete-attribute-in-use      | refuse / detach          | refuse   | undocumented: what deleting a custom attribute that flows collect does.   |
// |                              |                          |          | Refusing makes a client take it off the flows first, which works either way.|
// | messages                     | generic / explained      | generic  | no error payloads are documented for these calls, and messages are        |
// |                              |                          |          | free text. A business-rule 400 says only Graph's generic sentence, so a   |
// |                              |                          |          | client must explain refusals itself; `explained` names the rule broken.   |
// | extension-clear              | unsupported-405 /        | unsupp-  | no way to detach a flow's extension is documented (the permissions list   |
// |                              | patch-null / delete-ref  | orted-405| only GET and PUT $ref). By default DELETE …/customExtension/$ref is 405  |
// |                              |                          |          | and PATCH {"onAttributeCollectionStart": null} is 400, so a client never  |
// |                              |                          |          | believes a detach worked; the other values make that one request work.   |
// | extension-ref-unset          | allow / require-handler  | allow    | Microsoft's samples PUT $ref on a flow whose handler was never set;       |
// |                              |                          |          | `require-handler` wants a PATCH with an empty handler object first.      |
// | extension-type-check         | refuse / allow           | refuse   | undocumented: a Submit extension on the Start handler. The portal offers  |
// |                              |                          |          | only matching ones, so refusing is the safe reading.                     |
// | delete-extension-in-use      | refuse / detach / dangle | refuse   | undocumented: deleting an extension a flow uses. Refusing makes a client  |
// |                              |                          |          | detach first; `dangle` leaves the flow pointing at nothing (sign-up then |
// |                              |                          |          | fails with 1003011 CustomExtensionNotFound).                             |
// | extension-action-case        | exact / insensitive      | exact    | whether the service reads `…ShowValidationError` (a C# sample's casing)   |
// |                              |                          |          | is unverified; exact means the documented lower-camel names only.        |
// | extension-default-retries    | 0 / 1                    | 0        | what maximumRetries: null means is undocumented; with 0 an extension that |
// |                              |                          |          | works here does not depend on a retry the service might not make.        |
// | empty-options                | refuse / accept          | refuse   | whether Graph refuses a radio/checkbox input without options is unknown;  |
// |                              |                          |          | `accept` stores it, and the hosted sign-up page then never finishes.     |
// | delete-provider-in-use       | refuse / detach          | refuse   | undocumented: deleting a tenant identity provider that flows offer.      |
// |                              |                          |          | Refusing makes a client take it off the flows first, which works either way.|

/** The quirk switches, in option-object form. */
export type Quirks = {
	getWrapped: boolean;
	duplicateStatus: 400 | 409;
	deleteWithApps: 'refuse' | 'unlink';
	removeAttributeKeepsInput: boolean;
	providerRef: 'lenient' | 'canonical-only';
	betaPatchInputs: 'refuse' | 'allow';
	emptyAttributes: '400' | 'empty';
	contentType: 'required' | 'optional';
	deleteAttributeInUse: 'refuse' | 'detach';
	messages: 'generic' | 'explained';
	extensionClear: 'unsupported-405' | 'patch-null' | 'delete-ref';
	extensionRefUnset: 'allow' | 'require-handler';
	extensionTypeCheck: 'refuse' | 'allow';
	deleteExtensionInUse: 'refuse' | 'detach' | 'dangle';
	extensionActionCase: 'exact' | 'insensitive';
	extensionDefaultRetries: 0 | 1;
	emptyOptions: 'refuse' | 'accept';
	deleteProviderInUse: 'refuse' | 'detach';
};

/** The defaults described in the table above. */
export const defaultQuirks: Readonly<Quirks> = {
	getWrapped: true,
	duplicateStatus: 400,
	deleteWithApps: 'refuse',
	removeAttributeKeepsInput: false,
	providerRef: 'lenient',
	betaPatchInputs: 'refuse',
	emptyAttributes: '400',
	contentType: 'required',
	deleteAttributeInUse: 'refuse',
	messages: 'generic',
	extensionClear: 'unsupported-405',
	extensionRefUnset: 'allow',
	extensionTypeCheck: 'refuse',
	deleteExtensionInUse: 'refuse',
	extensionActionCase: 'exact',
	extensionDefaultRetries: 0,
	emptyOptions: 'refuse',
	deleteProviderInUse: 'refuse',
};

type QuirkKey = keyof Quirks;

// Spec key → option key and the accepted spellings with their values.
const table: Record<string, { key: QuirkKey; values: Record<string, Quirks[QuirkKey]> }> = {
	'get-wrapped': { key: 'getWrapped', values: { true: true, false: false } },
	'duplicate-status': { key: 'duplicateStatus', values: { '400': 400, '409': 409 } },
	'delete-with-apps': { key: 'deleteWithApps', values: { refuse: 'refuse', unlink: 'unlink' } },
	'remove-attribute-keeps-input': { key: 'removeAttributeKeepsInput', values: { true: true, false: false } },
	'provider-ref': { key: 'providerRef', values: { lenient: 'lenient', 'canonical-only': 'canonical-only' } },
	'beta-patch-inputs': { key: 'betaPatchInputs', values: { refuse: 'refuse', allow: 'allow' } },
	'empty-attributes': { key: 'emptyAttributes', values: { '400': '400', empty: 'empty' } },
	'content-type': { key: 'contentType', values: { required: 'required', optional: 'optional' } },
	'delete-attribute-in-use': { key: 'deleteAttributeInUse', values: { refuse: 'refuse', detach: 'detach' } },
	messages: { key: 'messages', values: { generic: 'generic', explained: 'explained' } },
	'extension-clear': {
		key: 'extensionClear',
		values: { 'unsupported-405': 'unsupported-405', 'patch-null': 'patch-null', 'delete-ref': 'delete-ref' },
	},
	'extension-ref-unset': {
		key: 'extensionRefUnset',
		values: { allow: 'allow', 'require-handler': 'require-handler' },
	},
	'extension-type-check': { key: 'extensionTypeCheck', values: { refuse: 'refuse', allow: 'allow' } },
	'delete-extension-in-use': {
		key: 'deleteExtensionInUse',
		values: { refuse: 'refuse', detach: 'detach', dangle: 'dangle' },
	},
	'extension-action-case': {
		key: 'extensionActionCase',
		values: { exact: 'exact', insensitive: 'insensitive' },
	},
	'extension-default-retries': { key: 'extensionDefaultRetries', values: { '0': 0, '1': 1 } },
	'empty-options': { key: 'emptyOptions', values: { refuse: 'refuse', accept: 'accept' } },
	'delete-provider-in-use': { key: 'deleteProviderInUse', values: { refuse: 'refuse', detach: 'detach' } },
};

/** Parses a quirk spec string; throws an Error naming the bad pair. */
export function parseQuirks(spec: string): Partial<Quirks> {
	const result: Partial<Record<QuirkKey, Quirks[QuirkKey]>> = {};
	for (const raw of spec.split(',')) {
		const pair = raw.trim();
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		if (eq < 0) throw new Error(`Invalid quirk '${pair}': expected key=value`);
		const name = pair.slice(0, eq).trim();
		const value = pair.slice(eq + 1).trim();
		const entry = table[name];
		if (!entry) throw new Error(`Unknown quirk '${name}' (known: ${Object.keys(table).join(', ')})`);
		if (!Object.hasOwn(entry.values, value)) {
			throw new Error(
				`Invalid value '${value}' for quirk '${name}' (allowed: ${Object.keys(entry.values).join(', ')})`,
			);
		}
		result[entry.key] = entry.values[value];
	}
	return result as Partial<Quirks>;
}

/** Merges a spec string or partial object over the defaults, validating object values too. */
export function resolveQuirks(input: string | Partial<Quirks> | undefined): Quirks {
	const partial = typeof input === 'string' ? parseQuirks(input) : (input ?? {});
	const merged: Quirks = { ...defaultQuirks };
	for (const [key, value] of Object.entries(partial)) {
		const entry = Object.values(table).find((candidate) => candidate.key === key);
		if (!entry) throw new Error(`Unknown quirk option '${key}'`);
		if (value === undefined) continue;
		if (!Object.values(entry.values).includes(value)) {
			throw new Error(`Invalid value ${JSON.stringify(value)} for quirk option '${key}'`);
		}
		Object.assign(merged, { [key]: value });
	}
	return merged;
}
