import { notFound } from './errors.js';
import type {
	ApplicationRecord,
	AttributeRecord,
	AuditRecord,
	CustomerRecord,
	EmailMethodRecord,
	ExtensionRecord,
	FlowRecord,
	ProviderRecord,
	SignInLogRecord,
	TenantState,
} from './types.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The in-memory tenant. Handlers mutate records in place and call `touch()` so the state file is rewritten. */
export class TenantStore {
	#state: TenantState;
	#revision = 0;

	constructor(state: TenantState) {
		this.#state = state;
	}

	/** All user flows, in creation order. */
	get flows(): FlowRecord[] {
		return this.#state.flows;
	}

	/** Tenant identity providers. */
	get providers(): ProviderRecord[] {
		return this.#state.providers;
	}

	/** Tenant user-flow attributes (built-in and custom). */
	get attributes(): AttributeRecord[] {
		return this.#state.attributes;
	}

	/** App registrations. */
	get applications(): ApplicationRecord[] {
		return this.#state.applications;
	}

	/** Custom authentication extensions. */
	get extensions(): ExtensionRecord[] {
		return this.#state.customAuthenticationExtensions;
	}

	/** Customer accounts (seeded test customers and those created by sign-up). */
	get customers(): CustomerRecord[] {
		return this.#state.customers;
	}

	/** Sign-ins through the customer pages, oldest first. */
	get signInLogs(): SignInLogRecord[] {
		return this.#state.signInLogs;
	}

	/** The email OTP method configuration; the documented GET example until something writes it. */
	get emailMethod(): EmailMethodRecord {
		this.#state.emailMethod ??= {
			state: 'enabled',
			allowExternalIdToUseEmailOtp: 'default',
			includeTargets: [],
			excludeTargets: [],
		};
		return this.#state.emailMethod;
	}

	/** The directory audit log, oldest first. */
	get directoryAudits(): AuditRecord[] {
		this.#state.directoryAudits ??= [];
		return this.#state.directoryAudits;
	}

	/** An extension by id (case-insensitive). */
	findExtension(id: string): ExtensionRecord | undefined {
		return this.#state.customAuthenticationExtensions.find((extension) => same(extension.id, id));
	}

	/** A customer by email (case-insensitive). */
	findCustomer(email: string): CustomerRecord | undefined {
		return this.#state.customers.find((customer) => same(customer.email, email));
	}

	/** The whole tenant as plain JSON-able data. */
	get state(): TenantState {
		return this.#state;
	}

	/** Increases on every write; the server compares it to decide whether to save. */
	get revision(): number {
		return this.#revision;
	}

	/** Records that a write happened. */
	touch(): void {
		this.#revision++;
	}

	/** Swaps in a whole new tenant (reset, load). */
	replace(state: TenantState): void {
		this.#state = state;
		this.#revision++;
	}

	/** A flow by id (ids compare case-insensitively, as GUIDs do). */
	findFlow(id: string): FlowRecord | undefined {
		return this.#state.flows.find((flow) => same(flow.id, id));
	}

	/** A flow by id, or a 404. */
	requireFlow(id: string): FlowRecord {
		const flow = this.findFlow(id);
		if (!flow) throw notFound(id);
		return flow;
	}

	/** A provider by id (case-insensitive). */
	findProvider(id: string): ProviderRecord | undefined {
		return this.#state.providers.find((provider) => same(provider.id, id));
	}

	/** An attribute by id (case-insensitive). */
	findAttribute(id: string): AttributeRecord | undefined {
		return this.#state.attributes.find((attribute) => same(attribute.id, id));
	}

	/** An application by appId (client id). */
	findApplicationByAppId(appId: string): ApplicationRecord | undefined {
		return this.#state.applications.find((application) => same(application.appId, appId));
	}

	/** An application by object id. */
	findApplicationById(id: string): ApplicationRecord | undefined {
		return this.#state.applications.find((application) => same(application.id, id));
	}

	/** The flow an app is linked to, if any (an app links to at most one flow). */
	flowForApp(appId: string): FlowRecord | undefined {
		return this.#state.flows.find((flow) => flow.appIds.some((linked) => same(linked, appId)));
	}

	/** Another flow already using this display name (case-insensitive), if any. */
	flowNamed(displayName: string, exceptId?: string): FlowRecord | undefined {
		return this.#state.flows.find((flow) => same(flow.displayName, displayName) && flow.id !== exceptId);
	}
}
