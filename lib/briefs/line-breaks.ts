// Where the PDF briefs may break a word across lines (@react-pdf/renderer's hyphenation callback).
// Words are not hyphenated: in narrow cells the default hyphenation printed "docu-mented" (issue
// #29). But a word wider than its line, a web address most often, is cut off at the line's end
// when it may not break: the end of the address was lost. So a word longer than LONG_WORD letters
// may break after / - _ . ? & = # + : , ; and, where those leave a piece still longer, every
// LONG_WORD letters. It breaks there only when it does not fit; react-pdf then prints a hyphen at
// the break, a second one after an address's own "-" (@react-pdf/textkit 7 always inserts one),
// which is still better than losing the rest of the address. Pure.

export const LONG_WORD = 20;

export function breakableParts(word: string): string[] {
  if (word.length <= LONG_WORD) return [word];
  const out: string[] = [];
  for (const piece of word.split(/(?<=[/\-_.?&=#+:,;])/)) {
    for (let i = 0; i < piece.length; i += LONG_WORD) out.push(piece.slice(i, i + LONG_WORD));
  }
  return out;
}
