import { createContext, useContext } from 'react';

/** The space a screen may use between the header and the footer. */
export type BodySize = { readonly width: number; readonly height: number };

/** Set by the frame; screens size their lists from it. */
export const BodySizeContext = createContext<BodySize>({ width: 80, height: 20 });

/** The body's size in cells. */
export function useBodySize(): BodySize {
	return useContext(BodySizeContext);
}
