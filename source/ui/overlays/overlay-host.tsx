import type { Overlay } from '../../store/index.js';
import { AttributeDescriptionDialog } from './attribute-description-dialog.js';
import { CloneFlowDialog } from './clone-flow-dialog.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { DeleteFlowDialog } from './delete-flow-dialog.js';
import { ExportFlowDialog } from './export-flow-dialog.js';
import { ExtensionFormDialog } from './extension-form-dialog.js';
import { LayoutConflictDialog } from './layout-conflict-dialog.js';
import { LayoutLeaveDialog } from './layout-leave-dialog.js';
import { LayoutSaveDialog } from './layout-save-dialog.js';
import { NewAttributeDialog } from './new-attribute-dialog.js';
import { PickerOverlay } from './picker-overlay.js';
import { ProviderFormDialog } from './provider-form-dialog.js';
import { TenantSwitchDialog } from './tenant-switch-dialog.js';

/** Props of the overlay host. */
export type OverlayHostProps = { readonly overlay: Overlay; readonly focused: boolean };

/** Shows the open dialog. */
export function OverlayHost({ overlay, focused }: OverlayHostProps) {
	switch (overlay.kind) {
		case 'confirm':
			return <ConfirmDialog message={overlay.message} intent={overlay.intent} />;
		case 'picker':
			return (
				<PickerOverlay
					picker={overlay.picker}
					flowId={overlay.flowId}
					focused={focused}
					highlighted={overlay.highlighted}
				/>
			);
		case 'deleteFlow':
			return <DeleteFlowDialog flowId={overlay.flowId} text={overlay.text} mismatch={overlay.mismatch} />;
		case 'layoutSave':
			return <LayoutSaveDialog flowId={overlay.flowId} lines={overlay.lines} loud={overlay.loud} />;
		case 'layoutConflict':
			return <LayoutConflictDialog {...overlay} />;
		case 'newAttribute':
			return <NewAttributeDialog overlay={overlay} />;
		case 'layoutLeave':
			return <LayoutLeaveDialog flowId={overlay.flowId} />;
		case 'exportFlow':
			return <ExportFlowDialog overlay={overlay} />;
		case 'cloneFlow':
			return <CloneFlowDialog overlay={overlay} />;
		case 'switchTenant':
			return <TenantSwitchDialog overlay={overlay} />;
		case 'extensionForm':
			return <ExtensionFormDialog overlay={overlay} />;
		case 'providerForm':
			return <ProviderFormDialog overlay={overlay} />;
		case 'attributeDescription':
			return <AttributeDescriptionDialog overlay={overlay} />;
		default: {
			const never: never = overlay;
			return never;
		}
	}
}
