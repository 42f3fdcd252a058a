// The entry of a worker thread that runs one emulator (dist/emulator-worker.js): the demo's tenant answers
// from the second core, so its start-up and every request it serves leave the app's thread free to draw.
import { parentPort, workerData } from 'node:worker_threads';
import { type ServeOptions, serveEmulator } from './serve.js';
import type { WorkerReply } from './serve-in-worker.js';

const port = parentPort;
if (!port) throw new Error('serve-worker runs only as a worker thread.');
const reply = (message: WorkerReply) => port.postMessage(message);
try {
	const served = await serveEmulator(workerData as ServeOptions);
	port.on('message', (message: unknown) => {
		if (message !== 'close') return;
		served.close().then(
			() => reply({ type: 'closed' }),
			(error: unknown) => reply({ type: 'failed', message: String(error) }),
		);
	});
	reply({ type: 'started', info: served.info });
} catch (error) {
	reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
