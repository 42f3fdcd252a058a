import { randomUUID } from 'node:crypto';
import type { ExecutionContext } from 'ava';
import { seedExtensions } from '../../source/emulator/seed-catalog.js';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../source/emulator/server.js';

/** Starts a fresh emulator for one test and closes it when the test ends. */
export async function emulatorFor(t: ExecutionContext, options: EmulatorOptions = {}) {
	const emulator = await startEmulator({ port: 0, ...options });
	t.teardown(() => emulator.close());
	return emulator;
}

/** Seeded ids the emulator documents (source/emulator/seed-catalog.ts); repeated here on purpose, not imported. */
export const seed = {
	flows: {
		customers: { id: '289f0177-1297-43be-b406-ff86fb19c671', name: 'Contoso customers sign-up and sign-in' },
		partners: { id: '04ae684f-8cfb-4cef-912a-556fdee3c3fd', name: 'Partner portal sign-in only' },
		support: { id: 'f6adce06-f6c8-4b3f-b1fe-7f7d6fda2b30', name: 'Support desk (email one-time passcode)' },
		events: { id: '5730a1a1-35ee-44b7-bcb7-9edad350c494', name: 'Events registration' },
	},
	apps: {
		storefront: 'a442e488-8827-43b0-af92-3894fc6abef4',
		mobile: '0f2e3b41-d462-4db5-b461-a2249330900f',
		partnerPortal: '3c422c4b-2683-4e71-b006-34093e42a366',
		supportDesk: '1d9e9005-d843-49ed-bb68-363bc7e31fd8',
		loyaltyApi: '3f50bdf7-1afb-4192-97ec-327636846440',
		events: '6661194d-10ad-4f9d-86d1-1f20c13b8797',
	},
	favoriteColor: 'extension_6ea3bc85aec24b1c92ff4a117afb6621_Favoritecolor',
	/** The customers flow runs these at attribute collection start and submit. */
	extensions: {
		prefill: 'c4a2e6f0-5b1d-4c8e-9a3f-1e7d2b6c8a01',
		check: '7d3b9e21-0c6a-4f5e-8b2d-3a9c1f4e6b02',
	},
} as const;

/**
 * Emulator options that run `meanwhile` on the tenant just before the first write reaches it: another admin's
 * change between a check and a write. Call `attach` with the started emulator.
 */
export function beforeFirstWrite(meanwhile: (tenant: RunningEmulator['tenant']) => void) {
	let tenant: RunningEmulator['tenant'] | undefined;
	let done = false;
	const options: EmulatorOptions = {
		authorize: (_authorization, need) => {
			if (need.write && !done && tenant) {
				done = true;
				meanwhile(tenant);
			}
			return { ok: true };
		},
	};
	return {
		options,
		attach: (emulator: RunningEmulator) => {
			tenant = emulator.tenant;
		},
	};
}

/**
 * The default seed's two custom extensions made in another tenant (fabrikam has none): the same display names,
 * ids of its own, so flow files that name them apply there.
 */
export function addSeedExtensions(target: RunningEmulator): void {
	for (const extension of seedExtensions()) target.tenant.extensions.push({ ...extension, id: randomUUID() });
}
