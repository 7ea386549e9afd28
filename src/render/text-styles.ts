/**
 * The text styles the terminal tables use: bold headings and totals, bold red flagged
 * figures, cyan computed rows. With colour they are chalk's (loaded only then: a report
 * piped, redirected or under NO_COLOR never loads chalk); without, they return the text.
 */

/** The styles a terminal table applies; a chalk instance has them all. */
export interface TextStyles {
  bold(text: string): string;
  cyan(text: string): string;
  readonly red: { bold(text: string): string };
}

const unchanged = (text: string): string => text;

/** No colour: every style returns its text unchanged. */
export const NO_STYLES: TextStyles = { bold: unchanged, cyan: unchanged, red: { bold: unchanged } };

/**
 * The styles for a run: chalk's at ANSI level 1 when `colour` (the command decides: a TTY
 * and no NO_COLOR), else {@link NO_STYLES}.
 */
export async function textStyles(colour: boolean): Promise<TextStyles> {
  if (!colour) return NO_STYLES;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
