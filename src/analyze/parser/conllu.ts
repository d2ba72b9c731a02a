/**
 * CoNLL-U reading for training and evaluation. Multiword-token ranges ("1-2") and empty nodes ("8.1") are
 * skipped: the parser works on syntactic words, and the basic tree never points at an empty node.
 */

/** One sentence of a treebank, indices 0-based; `head` is -1 for the root. */
export interface TreebankSentence {
  words: string[];
  /** Gold universal POS tags (UPOS column). */
  upos: string[];
  /** Gold Penn Treebank tags (XPOS column). */
  xpos: string[];
  head: number[];
  /** Full deprels, subtypes included ("nsubj:pass"). */
  label: string[];
}

export function readConllu(text: string): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  let cur: TreebankSentence = empty();
  const flush = () => {
    if (cur.words.length) out.push(cur);
    cur = empty();
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (!/^\d+$/.test(id)) continue;
    const form = (cols[1] ?? '_').replace(/\s+/g, '_');
    cur.words.push(form);
    cur.upos.push(cols[3] ?? 'X');
    cur.xpos.push(cols[4] && cols[4] !== '_' ? cols[4] : (cols[3] ?? 'X'));
    cur.head.push(Number(cols[6]) - 1);
    cur.label.push(cols[7] ?? 'dep');
  }
  flush();
  return out;
}

function empty(): TreebankSentence {
  return { words: [], upos: [], xpos: [], head: [], label: [] };
}
