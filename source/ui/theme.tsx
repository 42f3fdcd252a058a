import { createContext, type ReactNode, useContext } from 'react';

/** Semantic colours; components never name a colour themselves. */
export type Theme = {
	readonly accent?: string;
	readonly muted?: string;
	readonly success?: string;
	readonly error?: string;
	readonly warning?: string;
	readonly border?: string;
	/** Dim text is still readable without colour, so it stays on in the no-colour theme. */
	readonly dim: boolean;
};

/** The default palette. */
export const colorTheme: Theme = {
	accent: 'cyan',
	muted: 'gray',
	success: 'green',
	error: 'red',
	warning: 'yellow',
	border: 'gray',
	dim: false,
};

/** NO_COLOR: no colours at all; selection still shows by inverse video and a marker. */
export const noColorTheme: Theme = { dim: true };

const ThemeContext = createContext<Theme>(colorTheme);

/** Props of the theme provider. */
export type ThemeProviderProps = { readonly theme: Theme; readonly children: ReactNode };

/** Provides the theme. */
export function ThemeProvider({ theme, children }: ThemeProviderProps) {
	return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

/** The current theme. */
export function useTheme(): Theme {
	return useContext(ThemeContext);
}
