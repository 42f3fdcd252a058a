import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { youngGenerationCap } from '../../source/ui/heap-size.js';

const child = fileURLToPath(new URL('../helpers/young-generation-child.ts', import.meta.url));
const capMiB = youngGenerationCap / 1048576;

function grow(...args: string[]): { rounds: number; mostMiB: number } {
	const run = spawnSync(process.execPath, ['--import=tsx', child, ...args], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(run.stderr);
	return JSON.parse(run.stdout) as { rounds: number; mostMiB: number };
}

// In a process of its own: V8's flags, once set, hold for the whole process.
test('the young generation stops growing at its cap, where it would have grown past it', (t) => {
	const free = grow('free', '2000', String(capMiB + 1));
	t.true(free.mostMiB > capMiB + 1, `uncapped it grew to ${free.mostMiB} MiB in ${free.rounds} rounds`);
	const capped = grow('capped', String(free.rounds * 2));
	// One step of V8's own rounding over the cap (Node 24 sizes it at 8.8 MiB).
	t.true(capped.mostMiB <= capMiB * 1.15, `capped it grew to ${capped.mostMiB} MiB`);
});
