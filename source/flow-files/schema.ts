// The JSON Schema of flow files (`entra-flows schema`), so editors complete and check them. The loader
// (read.ts, load.ts) is what decides; this mirrors it for editors and says the same things in its descriptions.
import { inputTypes } from '../layout/index.js';
import { customDataTypes, extensionSlots } from './model.js';
import { kinds } from './read.js';

const text = (description: string) => ({ type: 'string', description });
const nullableText = (description: string) => ({ type: ['string', 'null'], description });
const flag = (description: string, fallback: boolean) => ({
	type: 'boolean',
	default: fallback,
	description,
});

const customAttribute = {
	type: 'object',
	additionalProperties: false,
	required: ['name', 'dataType'],
	properties: {
		name: {
			type: 'string',
			pattern: '^[A-Za-z][A-Za-z0-9_]*$',
			description: 'The short name the id ends with (extension_<app>_<name>), e.g. Favoritecolor',
		},
		displayName: text('The name it is created with; without spaces it must equal name (default: name)'),
		dataType: { enum: [...customDataTypes], description: 'Fixed for ever once created' },
		description: text('Shown to the user at sign-up'),
	},
};

const input = {
	type: 'object',
	additionalProperties: false,
	required: ['label', 'inputType'],
	oneOf: [{ required: ['attribute'] }, { required: ['customAttribute'] }],
	properties: {
		attribute: text('A built-in attribute id: email, displayName, givenName, surname, city, country, …'),
		customAttribute: text('A custom attribute by its short name, defined under customAttributes'),
		label: { type: 'string', minLength: 1, description: 'Text shown to the user' },
		inputType: {
			enum: [...inputTypes],
			description: 'string: text, radioSingleSelect or checkboxMultiSelect; boolean: boolean; int64: text',
		},
		required: flag('The user must fill it in', false),
		hidden: flag('Not shown on the page', false),
		editable: flag('The user may change it', true),
		writeToDirectory: flag('The value is stored on the user', true),
		options: {
			type: 'array',
			description: 'Choices of a radioSingleSelect or checkboxMultiSelect input, in order',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['label', 'value'],
				properties: { label: text('Shown to the user'), value: text('Stored') },
			},
		},
		validationRegEx: nullableText('Pattern the value must match'),
		defaultValue: nullableText('Pre-filled value'),
		verbatim: { type: 'object', description: 'Properties of the input kept as the service sent them' },
	},
};

/** The schema object. */
export function flowFileSchema(): Record<string, unknown> {
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'https://entra-flows.invalid/flow-file.schema.json',
		title: 'entra-flows flow file',
		description:
			'One user flow of Microsoft Entra External ID (kind userFlow), or custom attribute definitions (kind customAttributes). Read by entra-flows plan, apply and diff.',
		type: 'object',
		required: ['kind'],
		oneOf: [
			{
				required: ['kind', 'name', 'identityProviders'],
				additionalProperties: false,
				properties: { kind: { const: kinds.flow }, ...flowProperties() },
			},
			{
				additionalProperties: false,
				required: ['kind', 'customAttributes'],
				properties: {
					$schema: { type: 'string' },
					kind: { const: kinds.customAttributes },
					customAttributes: { type: 'array', items: customAttribute },
				},
			},
		],
		definitions: { customAttribute, input },
	};
}

function flowProperties(): Record<string, unknown> {
	return {
		$schema: { type: 'string' },
		name: {
			type: 'string',
			minLength: 1,
			description: 'Display name, unique in the tenant; flows are matched by it',
		},
		description: nullableText('Description'),
		signUp: flag('Self-service sign-up allowed (false: sign-in only)', true),
		userType: { enum: ['member', 'guest'], description: 'Type of the users it creates' },
		priority: { type: 'integer', description: 'Beta API only' },
		identityProviders: {
			type: 'array',
			minItems: 1,
			uniqueItems: true,
			items: { type: 'string', minLength: 1 },
			description: 'Identity provider ids the tenant has configured, e.g. EmailPassword-OAUTH, Google-OAUTH',
		},
		page: {
			type: 'object',
			additionalProperties: false,
			properties: { title: nullableText('Page title'), description: nullableText('Page description') },
		},
		attributes: {
			type: 'array',
			items: { $ref: '#/definitions/input' },
			description: 'The sign-up page, in order',
		},
		applications: {
			type: 'array',
			description: 'Linked applications: matched in the tenant by appId, then by exact display name',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['displayName', 'appId'],
				properties: {
					displayName: text('The application name'),
					appId: {
						type: 'string',
						format: 'uuid',
						description: 'Its appId in the tenant the file came from',
					},
				},
			},
		},
		extensions: {
			type: ['object', 'null'],
			additionalProperties: false,
			description:
				'The custom authentication extensions the flow runs, by display name in the tenant (matched exactly, then ignoring case); a field left out or null: none',
			properties: Object.fromEntries(
				extensionSlots.map((slot) => [
					slot,
					{
						type: ['string', 'null'],
						minLength: 1,
						description:
							slot === 'attributeCollectionStart'
								? 'Runs before the sign-up page is shown (an attribute collection start extension)'
								: 'Runs when the sign-up page is submitted (an attribute collection submit extension)',
					},
				]),
			),
		},
		verbatim: {
			type: 'object',
			description:
				'Flow properties kept as the service sent them (an extension handler with a configuration of its own, unknown ones); left out means null',
		},
		customAttributes: { type: 'array', items: { $ref: '#/definitions/customAttribute' } },
	};
}
