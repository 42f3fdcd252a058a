// The least an Ink app can do: one line of text. Bundled like dist/, it is the floor under our first frame.
import { render, Text } from 'ink';

render(<Text>entra-flows</Text>);
// The frame is what is measured; the app need not wait for keys.
setTimeout(() => process.exit(0), 100);
