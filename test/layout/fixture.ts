import type { UserFlow } from '../../source/graph/types.js';
import { type Layout, layoutFromFlow } from '../../source/layout/index.js';

/** The email pattern exactly as the input-configuration page documents it, HTML entities included. */
export const documentedEmailPattern =
	"^[a-zA-Z0-9.!#$%&amp;&#8217;'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$";

/** A flow as Graph returns it: string, boolean and int64 attributes, a radio input, one attribute without dataType. */
export const flow: UserFlow = {
	id: 'f1',
	displayName: 'Test flow',
	onAttributeCollection: {
		attributes: [
			{ id: 'email', dataType: 'string' },
			{ id: 'displayName', dataType: 'string' },
			{ id: 'extension_x_Color', dataType: 'string' },
			{ id: 'extension_x_Terms', dataType: 'boolean' },
			{ id: 'extension_x_Age', dataType: 'int64' },
			{ id: 'city' },
		],
		attributeCollectionPage: {
			views: [
				{
					title: null,
					description: null,
					inputs: [
						{
							attribute: 'email',
							label: 'Email Address',
							inputType: 'text',
							hidden: true,
							editable: false,
							required: true,
							validationRegEx: documentedEmailPattern,
							writeToDirectory: true,
							options: [],
						},
						{ attribute: 'displayName', label: 'Display Name', inputType: 'Text' },
						{
							attribute: 'extension_x_Color',
							label: 'Favourite colour',
							inputType: 'radioSingleSelect',
							options: [
								{ label: 'Blue', value: 'blue' },
								{ label: 'Red', value: 'red' },
							],
						},
						{ attribute: 'extension_x_Terms', label: 'I agree', inputType: 'boolean', validationRegEx: null },
						{ attribute: 'extension_x_Age', label: 'Age', inputType: 'text', validationRegEx: '^[0-9]+$' },
						{ attribute: 'city', label: 'City', inputType: 'text', options: null },
					],
				},
			],
		},
	},
};

/** The fixture flow's layout. */
export const layout: Layout = layoutFromFlow(flow);

/** Attribute ids of a layout, in order. */
export const ids = (value: Layout) => value.inputs.map((input) => input.attribute);

/** The input of an attribute (throws when absent, so tests read plainly). */
export function inputOf(value: Layout, attribute: string) {
	const input = value.inputs.find((candidate) => candidate.attribute === attribute);
	if (!input) throw new Error(`no input ${attribute}`);
	return input;
}
