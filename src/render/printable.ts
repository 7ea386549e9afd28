/**
 * Text from input files is shown to people, so control characters in it must never reach
 * a terminal or a spreadsheet as controls: an ESC in a line name could recolour or rewrite
 * the screen. Renderers pass every text cell from the input through {@link printable}.
 */

// C0 controls other than tab, LF and CR; DEL; C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * The text with each control character replaced by a visible stand-in: C0 controls by
 * their Unicode control picture (ESC → `␛`, NUL → `␀`), DEL and C1 controls by `�`.
 * With `singleLine`, tab, CR and LF become spaces too (for table cells).
 */
export function printable(text: string, singleLine = false): string {
  const visible = text.replace(CONTROLS, (control) => {
    const code = control.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\ufffd';
  });
  return singleLine ? visible.replace(/[\t\r\n]/g, ' ') : visible;
}
