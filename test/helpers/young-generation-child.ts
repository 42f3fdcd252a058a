// Run in a fresh Node process by heap-size.test.ts: allocates as a list load does, spread over turns of the event
// loop, and reports how large V8's young generation grew. argv: 'capped' | 'free', the most rounds, and for 'free'
// the size in MiB at which to stop (it has outgrown the cap).
import { setImmediate as turn } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { favourMemoryOverSpeed } from '../../source/ui/heap-size.js';

const [mode, maxRounds, stopAtMiB] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 0)];
if (mode === 'capped') favourMemoryOverSpeed();
let mostMiB = 0;
let rounds = 0;
while (rounds < maxRounds && !(mode === 'free' && mostMiB > stopAtMiB)) {
	rounds++;
	// Objects that live through a young collection or two, as a page's rows do while it is read.
	const kept: object[] = [];
	for (let index = 0; index < 30_000; index++) kept.push({ index, name: `flow ${index}` });
	await turn();
	const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
	mostMiB = Math.max(mostMiB, (young?.space_size ?? 0) / 1048576);
}
process.stdout.write(JSON.stringify({ rounds, mostMiB }));
