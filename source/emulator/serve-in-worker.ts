import { Worker } from 'node:worker_threads';
import type { ServedInfo, ServeOptions } from './serve.js';

/** What the worker says back: started (with what `entra-flows emulator` would print), closed, or why not. */
export type WorkerReply =
	| { readonly type: 'started'; readonly info: ServedInfo }
	| { readonly type: 'closed' }
	| { readonly type: 'failed'; readonly message: string };

/** An emulator running in a worker thread of this process: reached over loopback like any other. */
export type WorkerEmulator = {
	readonly info: ServedInfo;
	/** Stops the emulator (its state saved, when it keeps one) and ends the thread. */
	close(): Promise<void>;
};

let running = 0;

/** Emulators running in worker threads of this process now. */
export const emulatorWorkers = (): number => running;

/**
 * The emulator's thread. Bundled, every chunk sits in dist/ beside the worker's own entry. Run from source
 * (the tests and the bench, under tsx) it is the .ts file beside this one, with tsx's loader registered in the
 * thread first: a worker thread does not inherit its parent's loader.
 */
function emulatorThread(options: ServeOptions): Worker {
	if (!import.meta.url.endsWith('.ts')) {
		return new Worker(new URL('./emulator-worker.js', import.meta.url), { workerData: options });
	}
	const loader = JSON.stringify(import.meta.resolve('tsx/esm/api'));
	const entry = JSON.stringify(new URL('./serve-worker.ts', import.meta.url).href);
	const start = `import(${loader}).then(({ register }) => { register(); return import(${entry}); });`;
	return new Worker(start, { eval: true, workerData: options });
}

/** Starts `serveEmulator(options)` in a worker thread; the options must be plain data. */
export async function serveInWorker(options: ServeOptions): Promise<WorkerEmulator> {
	const worker = emulatorThread(options);
	running++;
	worker.once('exit', () => running--);
	// A thread that fails later leaves the app's requests refused, which it reports; it must not end the app.
	let lastFailure: Error | undefined;
	worker.on('error', (error) => {
		lastFailure = error;
	});
	const first = await nextReply(worker).catch(async (error: unknown) => {
		await worker.terminate();
		throw error;
	});
	if (first.type !== 'started') {
		await worker.terminate();
		throw new Error(first.type === 'failed' ? first.message : 'The emulator closed as it started.');
	}
	let closing: Promise<void> | undefined;
	return {
		info: first.info,
		close: () => {
			closing ??= (async () => {
				// A thread that already failed has nothing left to stop.
				if (lastFailure) {
					await worker.terminate();
					return;
				}
				worker.postMessage('close');
				const answer = await nextReply(worker).catch((error: unknown) => ({
					type: 'failed' as const,
					message: error instanceof Error ? error.message : String(error),
				}));
				await worker.terminate();
				if (answer.type === 'failed')
					throw new Error(`The emulator did not close cleanly: ${answer.message}`);
			})();
			return closing;
		},
	};
}

/** The worker's next message; rejects if it fails or ends first. Leaves no listener behind. */
function nextReply(worker: Worker): Promise<WorkerReply> {
	return new Promise((resolve, reject) => {
		const settle = () => {
			worker.off('message', onMessage);
			worker.off('error', onError);
			worker.off('exit', onExit);
		};
		const onMessage = (message: WorkerReply) => {
			settle();
			resolve(message);
		};
		const onError = (error: Error) => {
			settle();
			reject(error);
		};
		const onExit = (code: number) => {
			settle();
			reject(new Error(`The emulator's thread ended (exit code ${code}).`));
		};
		worker.on('message', onMessage);
		worker.on('error', onError);
		worker.on('exit', onExit);
	});
}
