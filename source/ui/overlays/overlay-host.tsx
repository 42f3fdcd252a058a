import type { Overlay } from '../../store/index.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { DeleteFlowDialog } from './delete-flow-dialog.js';
import { PickerOverlay } from './picker-overlay.js';

/** Props of the overlay host. */
export type OverlayHostProps = { readonly overlay: Overlay; readonly focused: boolean };

/** Shows the open dialog. */
export function OverlayHost({ overlay, focused }: OverlayHostProps) {
	switch (overlay.kind) {
		case 'confirm':
			return <ConfirmDialog message={overlay.message} intent={overlay.intent} />;
		case 'picker':
			return <PickerOverlay picker={overlay.picker} flowId={overlay.flowId} focused={focused} />;
		case 'deleteFlow':
			return <DeleteFlowDialog flowId={overlay.flowId} text={overlay.text} mismatch={overlay.mismatch} />;
		default: {
			const never: never = overlay;
			return never;
		}
	}
}
