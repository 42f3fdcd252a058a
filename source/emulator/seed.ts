import { defaultInput, emailInput, patterns } from './inputs.js';
import {
	seedApplications,
	seedAttributes,
	seedCustomers,
	seedDomains,
	seedExtensions,
	seedIds,
	seedProviders,
} from './seed-catalog.js';
import type { AttributeRecord, FlowRecord, InputRecord, TenantState } from './types.js';

export { seedIds } from './seed-catalog.js';

type InputTweak = Partial<InputRecord>;

// Builds the page inputs from the attribute list so inputs and attributes can never disagree.
function page(attributes: AttributeRecord[], ids: string[], tweaks: Record<string, InputTweak> = {}) {
	const inputs = ids.map((id): InputRecord => {
		if (id === 'email') return emailInput();
		const attribute = attributes.find((candidate) => candidate.id === id);
		if (!attribute) throw new Error(`seed: unknown attribute ${id}`);
		return { ...defaultInput(attribute), ...tweaks[id] };
	});
	return {
		attributeIds: [...ids],
		views: [{ title: null, description: null, inputs }],
		customStringsFileId: null,
	};
}

function flow(fields: Pick<FlowRecord, 'id' | 'displayName'> & Partial<FlowRecord>): FlowRecord {
	return {
		description: null,
		priority: 500,
		isSignUpAllowed: true,
		providerIds: ['EmailPassword-OAUTH'],
		attributeCollection: null,
		userTypeToCreate: 'member',
		appIds: [],
		onAttributeCollectionStart: null,
		onAttributeCollectionSubmit: null,
		...fields,
	};
}

const required: InputTweak = { required: true };
const nameLike: InputTweak = { required: true, validationRegEx: patterns.nameLike };

function seedFlows(attributes: AttributeRecord[]): FlowRecord[] {
	const { flows, apps, attributes: custom } = seedIds;
	return [
		flow({
			id: flows.customers,
			displayName: 'Contoso customers sign-up and sign-in',
			description: 'Shoppers on the web shop and the mobile app',
			providerIds: ['EmailPassword-OAUTH', 'Google-OAUTH', 'Facebook-OAUTH'],
			appIds: [apps.storefront.appId, apps.mobile.appId],
			attributeCollection: page(
				attributes,
				['email', 'displayName', 'givenName', 'surname', 'country', custom.favoriteColor, custom.newsletter],
				{
					displayName: nameLike,
					givenName: required,
					surname: required,
					[custom.favoriteColor]: {
						inputType: 'radioSingleSelect',
						options: [
							{ label: 'Blue', value: 'blue' },
							{ label: 'Green', value: 'green' },
							{ label: 'Red', value: 'red' },
						],
					},
					[custom.newsletter]: { label: 'Send me the monthly newsletter', defaultValue: 'false' },
				},
			),
			// The demo's extensions: the start one suggests a country, the submit one refuses names with digits.
			onAttributeCollectionStart: { configuration: null, customExtensionId: seedIds.extensions.prefill },
			onAttributeCollectionSubmit: { configuration: null, customExtensionId: seedIds.extensions.check },
		}),
		flow({
			id: flows.partners,
			displayName: 'Partner portal sign-in only',
			description: 'Partners are invited; self-service sign-up is off',
			isSignUpAllowed: false,
			appIds: [apps.partnerPortal.appId],
			attributeCollection: page(attributes, ['email', 'displayName'], { displayName: nameLike }),
		}),
		flow({
			id: flows.support,
			displayName: 'Support desk (email one-time passcode)',
			providerIds: ['EmailOtpSignup-OAUTH'],
			appIds: [apps.supportDesk.appId],
			attributeCollection: page(attributes, ['email', 'displayName', 'city', 'jobTitle'], {
				displayName: nameLike,
			}),
		}),
		flow({
			id: flows.events,
			displayName: 'Events registration',
			description: 'Attendees register with a postal address for badges',
			priority: 400,
			providerIds: ['EmailPassword-OAUTH', 'EmailOtpSignup-OAUTH'],
			userTypeToCreate: 'guest',
			attributeCollection: page(
				attributes,
				['email', 'givenName', 'surname', 'streetAddress', 'city', 'postalCode', 'state', 'country'],
				{ givenName: required, surname: required, postalCode: { validationRegEx: patterns.integer } },
			),
		}),
	];
}

/** Deterministic id of the Nth generated flow (1-based). */
export function generatedFlowId(n: number): string {
	return `e0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Cheap extra flows for scrolling benchmarks: they share one small attribute page shape. */
export function generatedFlows(count: number, attributes: AttributeRecord[]): FlowRecord[] {
	const result: FlowRecord[] = [];
	const width = Math.max(5, String(count).length);
	for (let n = 1; n <= count; n++) {
		result.push(
			flow({
				id: generatedFlowId(n),
				displayName: `Generated flow ${String(n).padStart(width, '0')}`,
				isSignUpAllowed: n % 3 !== 0,
				providerIds: n % 2 === 0 ? ['EmailPassword-OAUTH', 'Google-OAUTH'] : ['EmailOtpSignup-OAUTH'],
				attributeCollection: page(attributes, ['email', 'displayName']),
			}),
		);
	}
	return result;
}

/** A fresh tenant: the seed plus `extraFlows` generated flows. */
export function createSeed(extraFlows = 0): TenantState {
	const attributes = seedAttributes();
	return {
		tenantId: seedIds.tenantId,
		displayName: 'Contoso Customers',
		verifiedDomains: seedDomains(),
		extensionsAppId: seedIds.extensionsAppId,
		flows: [...seedFlows(attributes), ...generatedFlows(extraFlows, attributes)],
		providers: seedProviders(),
		attributes,
		applications: seedApplications(),
		customAuthenticationExtensions: seedExtensions(),
		customers: seedCustomers(),
		signInLogs: [],
	};
}
