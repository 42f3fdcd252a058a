import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import test from 'ava';
import { render, Text, useInput } from 'ink';
import { useState } from 'react';
import { readTerminal, type TerminalSource } from '../../source/keys/terminal-input.js';

/** A terminal's stdin: records raw mode and reading, and lets the test type. */
class FakeTerminalIn extends EventEmitter {
	readonly isTTY = true;
	raw: boolean[] = [];
	reading = false;
	setRawMode(mode: boolean) {
		this.raw.push(mode);
		return this;
	}
	setEncoding() {
		return this;
	}
	pause() {
		this.reading = false;
		return this;
	}
	resume() {
		this.reading = true;
		return this;
	}
	ref() {
		return this;
	}
	unref() {
		return this;
	}
	type(data: string) {
		this.emit('data', data);
	}
}

class Screen extends Writable {
	readonly isTTY = true;
	columns = 40;
	rows = 5;
	override _write(_chunk: Buffer, _encoding: string, done: () => void) {
		done();
	}
}

function Keys({ seen }: { seen: string[] }) {
	const [count, setCount] = useState(0);
	useInput((input, key) => {
		seen.push(key.return ? 'enter' : key.backspace || key.delete ? 'backspace' : input);
		setCount(count + 1);
	});
	return <Text>{count}</Text>;
}

const until = async (check: () => boolean) => {
	const deadline = Date.now() + 3000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
};

test('Ink reads keys from the feed, one at a time; raw mode and reading follow Ink', async (t) => {
	const terminal = new FakeTerminalIn();
	const input = readTerminal(terminal as unknown as TerminalSource);
	const seen: string[] = [];
	const screen = new Screen() as unknown as NodeJS.WriteStream;
	const instance = render(<Keys seen={seen} />, {
		stdin: input.inkStdin,
		stdout: screen,
		stderr: screen,
		patchConsole: false,
	});
	await until(() => terminal.reading);
	t.deepEqual(terminal.raw, [true], 'Ink asked for raw mode and it reached the terminal');
	// A burst read at once reaches Ink as one key per read.
	terminal.type('\x7f\x7f\r');
	await until(() => seen.length === 3);
	t.deepEqual(seen, ['backspace', 'backspace', 'enter']);
	instance.unmount();
	await until(() => !terminal.reading);
	t.deepEqual(terminal.raw, [true, false], 'raw mode is given back when Ink stops listening');
});

test("no file relies on Ink's private API (internal_eventEmitter and the like)", (t) => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.tsx?$/.test(name)) files.push(path);
		}
	};
	walk('source');
	const offenders = files.filter((file) => /\binternal_[A-Za-z]/.test(readFileSync(file, 'utf8')));
	t.deepEqual(offenders, [], `these files use Ink's private API: ${offenders.join(', ')}`);
});
