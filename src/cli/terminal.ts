/**
 * Text for a terminal: file names, titles and messages can hold anything,
 * and an ESC or CSI in them would reach the terminal as a command (change the
 * title, rewrite the screen, in some terminals more). Control characters are
 * shown as visible escapes instead: C0 except newline and tab, DEL, C1
 * (U+0080–U+009F), and the bidirectional overrides and isolates that can make
 * a name read backwards (U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(text: string, keepNewlines = true): string {
  const escaped = text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\r') return '\\r';
    if (code === 0x1b) return '\\e';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return keepNewlines ? escaped : escaped.replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}
