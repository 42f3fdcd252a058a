import test from 'ava';
import { loadUserFlows, type Store, selectResource, stopLoadingUserFlows } from '../../source/store/index.js';
import type { StoreFixture } from '../helpers/ui-store.js';
import { storeFor } from '../helpers/ui-store.js';

// 2,504 flows at $top=999 are three pages; the emulator never answers the third request (F-L2 hangs it), so
// what the store holds while it waits is what the person sees between the pages.

const flowsPath = '/v1.0/identity/authenticationEventsFlows';
const thirdPageHangs = {
	emulator: { extraFlows: 2_500, faults: `F-L2:nth=3:path=authenticationEventsFlows` },
};

const flowReads = (fixture: StoreFixture) => fixture.requests().filter((line) => line === `GET ${flowsPath}`);

/** Waits until the emulator has seen `count` reads of the flows (its log is polled: it tells no one). */
async function untilRead(fixture: StoreFixture, count: number): Promise<void> {
	while (flowReads(fixture).length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Waits (on store changes, no sleeps) until `check` holds. */
function until(store: Store, check: () => boolean): Promise<void> {
	return new Promise((resolve) => {
		if (check()) return resolve();
		const stop = store.subscribe(() => {
			if (!check()) return;
			stop();
			resolve();
		});
	});
}

test('the flows list shows each page as it arrives, before the last page is asked for', async (t) => {
	const fixture = await storeFor(t, thirdPageHangs);
	const { store } = fixture;
	const loading = store.run(loadUserFlows());
	await until(store, () => (selectResource(store.getState(), 'userFlows').data?.length ?? 0) >= 999);
	t.true(flowReads(fixture).length <= 2, 'the first page is in state before the third request is sent');
	t.true(selectResource(store.getState(), 'userFlows').arriving);
	t.false(
		store.getState().activity.some((activity) => activity.id === 'load:userFlows:'),
		'keys no longer wait: the spinner that holds them stopped with the first page',
	);
	await untilRead(fixture, 3);
	t.is(selectResource(store.getState(), 'userFlows').data?.length, 1_998);
	store.run(stopLoadingUserFlows());
	await loading;
	await store.idle();
	const list = selectResource(store.getState(), 'userFlows');
	t.is(list.status, 'ready');
	t.true(list.partial, 'stopped half way, the list says so');
	t.falsy(list.arriving);
	t.is(list.data?.length, 1_998, 'what arrived stays');
	t.is(flowReads(fixture).length, 3, 'nothing more was asked for');
});

test('ctrl+r after a stopped load reads the whole list again', async (t) => {
	const fixture = await storeFor(t, thirdPageHangs);
	const { store, emulator } = fixture;
	void store.run(loadUserFlows());
	await untilRead(fixture, 3);
	await store.run(stopLoadingUserFlows());
	await store.idle();
	emulator.setFaults('');
	await store.run(loadUserFlows({ force: true }));
	const list = selectResource(store.getState(), 'userFlows');
	t.is(list.data?.length, 2_504);
	t.falsy(list.partial);
	t.is(list.status, 'ready');
	t.is(flowReads(fixture).length, 6, 'three pages at $top=999');
});

test('a whole list is refreshed in place: its rows stay until the new list is complete', async (t) => {
	const fixture = await storeFor(t, { emulator: { extraFlows: 1_500 } });
	const { store } = fixture;
	await store.run(loadUserFlows());
	const counts: number[] = [];
	const stop = store.subscribe(() =>
		counts.push(selectResource(store.getState(), 'userFlows').data?.length ?? 0),
	);
	await store.run(loadUserFlows({ force: true }));
	stop();
	t.deepEqual([...new Set(counts)], [1_504]);
	t.is(flowReads(fixture).length, 4);
});

test('a stop with no load running changes nothing', async (t) => {
	const { store } = await storeFor(t);
	await store.run(loadUserFlows());
	const before = store.getState();
	await store.run(stopLoadingUserFlows());
	t.is(store.getState(), before);
});
