import { useKeyActions } from '../keys/input-router.js';
import { openApplyFile, openClone, openExport, openTenantSwitch } from '../store/index.js';
import { useAppState, useStore } from './store-context.js';

/** x export, c clone and A apply file on the flow list and a flow's detail: a layer of its own beside the screen's. */
export function FlowCodeKeys({ flowId, on }: { readonly flowId?: string; readonly on: 'flows' | 'detail' }) {
	const store = useStore();
	const applyFile = on === 'flows';
	useKeyActions(
		[on],
		{
			'flow.export': () => flowId && void store.run(openExport(flowId)),
			'flow.clone': () => flowId && void store.run(openClone(flowId)),
			...(applyFile ? { 'applyFile.open': () => void store.run(openApplyFile()) } : {}),
		},
		{ disabled: { 'flow.export': flowId ? undefined : '', 'flow.clone': flowId ? undefined : '' } },
	);
	return null;
}

/** The global key of the tenant switcher. */
export function TenantKey() {
	const store = useStore();
	const signedIn = useAppState((state) => state.session.status === 'signedIn');
	useKeyActions(
		['global'],
		{ 'tenant.switch': () => void store.run(openTenantSwitch()) },
		{
			level: 'global',
			disabled: {
				'tenant.switch': signedIn ? undefined : 'The tenant switcher opens once you are signed in.',
			},
		},
	);
	return null;
}
