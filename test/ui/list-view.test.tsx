import test from 'ava';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useEffect } from 'react';
import { ListView } from '../../source/ui/components/list-view.js';

type Count = { built: number; hiddenDrawn: string[] };

/** A row that counts how often a row is built (mounted): a screen of new rows costs Ink a layout of each. */
function CountedRow({ name, selected, count }: { name: string; selected: boolean; count: Count }) {
	useEffect(() => {
		count.built++;
	}, [count]);
	return <Text>{`${selected ? '❯' : ' '} ${name}`}</Text>;
}

function list(rows: readonly string[], count: Count) {
	return (
		<ListView
			rows={rows}
			cursor={0}
			height={5}
			hidden={rows.length === 0}
			renderRow={(row, selected, shown) => {
				if (!shown) count.hiddenDrawn.push(row);
				return <CountedRow name={row} selected={selected} count={count} />;
			}}
		/>
	);
}

test('rows that go away are drawn as nothing, and when rows come back their places are updated, not built again', (t) => {
	const count: Count = { built: 0, hiddenDrawn: [] };
	const app = render(list(['alpha', 'beta', 'gamma'], count));
	t.regex(app.lastFrame() ?? '', /❯ alpha\n {2}beta\n {2}gamma/);
	t.is(count.built, 3);

	app.rerender(list(['beta'], count));
	const one = app.lastFrame() ?? '';
	t.regex(one, /❯ beta/);
	t.notRegex(one, /alpha|gamma/, 'a place past the last row shows nothing');
	t.deepEqual(count.hiddenDrawn, ['beta', 'gamma'], 'the rows those places last showed, drawn as not shown');

	app.rerender(list([], count));
	t.notRegex(app.lastFrame() ?? '', /alpha|beta|gamma/, 'a hidden list shows nothing');

	app.rerender(list(['delta', 'alpha', 'beta', 'gamma'], count));
	t.regex(app.lastFrame() ?? '', /❯ delta\n {2}alpha\n {2}beta\n {2}gamma/);
	t.is(count.built, 4, 'only the fourth place is new');
	app.unmount();
});
