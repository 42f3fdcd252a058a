import { setImmediate as turn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import test from 'ava';
import { listUserFlowSummaries, listUserFlows, userFlowPages } from '../../source/graph/flows.js';
import { createGraphClient } from '../../source/graph/graph-client.js';
import { GraphError } from '../../source/graph/graph-error.js';
import { flowsPath } from '../../source/graph/paths.js';
import { listTenantIdentityProviders } from '../../source/graph/tenant-providers.js';
import { emulatorFor } from '../helpers/emulator.js';

// Request counts come from the emulator's log: fewer round trips is the point, so it is what is asserted.
const clientFor = (graphUrl: string) =>
	createGraphClient({
		baseUrl: graphUrl,
		tokenProvider: { getToken: async () => 'token' },
		userAgent: 'entra-flows/test',
	});

const gets = (emulator: { log: ReadonlyArray<{ method: string; path: string }> }) =>
	emulator.log.filter((entry) => entry.method === 'GET');

test('flows are read 999 at a time: 1,204 flows take 2 requests, not 13 at the default 100', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 1200 });
	const flows = await listUserFlows(clientFor(emulator.graphUrl));
	t.is(flows.length, 1204);
	t.is(gets(emulator).length, 2);
	t.regex(gets(emulator)[0]?.path ?? '', /(\$|%24)top=999/);
	t.regex(gets(emulator)[1]?.path ?? '', /(\$|%24)skiptoken=/);
});

test('a service that hands out less than $top asked for is followed by its nextLinks', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 1200, maxPageSize: 500 });
	t.is((await listUserFlows(clientFor(emulator.graphUrl))).length, 1204);
	t.is(gets(emulator).length, 3);
});

test('the tenant catalogues ask for the largest page too, and page where the service gives less', async (t) => {
	const emulator = await emulatorFor(t, { pageSize: 2, maxPageSize: 2 });
	const providers = await listTenantIdentityProviders(clientFor(emulator.graphUrl));
	t.is(providers.length, 4);
	t.is(gets(emulator).length, 2);
	t.regex(gets(emulator)[0]?.path ?? '', /(\$|%24)top=999/);
});

test('onPage hears each page before the next one is asked for', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 1200 });
	const seen: [number, number, number][] = [];
	const flows = await listUserFlowSummaries(clientFor(emulator.graphUrl), {
		onPage: (items, progress) => seen.push([items.length, progress.received, gets(emulator).length]),
	});
	t.is(flows.length, 1204);
	t.deepEqual(seen, [
		[999, 999, 1],
		[205, 1204, 2],
	]);
});

test('pages() hands pages over as they come; leaving the loop sends no further request', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 1200 });
	const client = clientFor(emulator.graphUrl);
	for await (const page of userFlowPages(client, { summaries: true })) {
		t.is(page.pageNumber, 1);
		t.is(page.items.length, 999);
		t.is(page.items[0]?.onAttributeCollection?.attributeCollectionPage, undefined, 'summaries');
		break;
	}
	t.is(gets(emulator).length, 1);
	const counts: number[] = [];
	for await (const page of userFlowPages(client)) counts.push(page.received);
	t.deepEqual(counts, [999, 1204]);
});

test('the signal stops a list between pages, as a cancelled GraphError', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 1200 });
	const controller = new AbortController();
	const error = await t.throwsAsync(
		listUserFlows(clientFor(emulator.graphUrl), {
			signal: controller.signal,
			onPage: () => controller.abort(),
		}),
	);
	t.true(error instanceof GraphError);
	t.like(error, { kind: 'cancelled', code: 'Cancelled' });
	t.is(gets(emulator).length, 1);
});

test('the emulator honours $top up to 999 and refuses more, as the directory does', async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 5 });
	const at = (top: number) =>
		fetch(`${emulator.graphUrl}/identity/authenticationEventsFlows?$top=${top}`, {
			headers: { authorization: 'Bearer x' },
		});
	t.is(((await (await at(3)).json()) as { value: unknown[] }).value.length, 3);
	t.is((await at(999)).status, 200);
	t.is((await at(1000)).status, 400);
});

// A full collection on demand, for the test below: --expose-gc set at run time reaches a new context.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

test("while the caller holds a page, that page's answer is not kept: only what mapItem made of it stays", async (t) => {
	const emulator = await emulatorFor(t, { extraFlows: 1200 });
	const client = clientFor(emulator.graphUrl);
	// Each item as it came in the answer, weakly: it stays alive only if the answer (or its parsed body) does.
	const raw: WeakRef<object>[] = [];
	const pages = client.pages?.(flowsPath, {
		top: 999,
		checkItem: (item) => {
			raw.push(new WeakRef(item as object));
			return undefined;
		},
		mapItem: (item: { id?: string }) => ({ id: item.id }),
	});
	if (!pages) return t.fail('the client reads page by page');
	const first = await pages.next();
	t.is(first.value?.items.length, 999);
	t.is(raw.length, 999);
	// The generator is paused at its yield now, as the app's load is while it draws the page.
	await turn();
	collectGarbage();
	await turn();
	t.is(raw.filter((item) => item.deref() !== undefined).length, 0);
	await pages.return?.();
});
