/**
 * POS tags from wink-nlp for words that were tokenized by someone else (a treebank). The parser is trained
 * and evaluated on the tags it sees at run time, which are wink's, not the treebank's gold tags.
 */
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let nlp: ReturnType<typeof winkNLP> | null = null;

/**
 * wink's UPOS tag for each word: the words are joined with single spaces, read as one document, and wink's
 * tokens are aligned back by character offset. A word wink splits takes the tag of its last non-punctuation
 * piece (the head in "U.S.-based", "ca"+"n't" stays as the treebank splits it); words wink merges share the tag.
 */
export function winkTags(words: string[]): string[] {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const text = words.join(' ');
  const starts: number[] = [];
  const ends: number[] = [];
  const tags: string[] = [];
  let offset = 0;
  nlp.readDoc(text).tokens().each((t: ItemToken) => {
    offset += (t.out(its.precedingSpaces) as string).length;
    const value = t.out() as string;
    starts.push(offset);
    ends.push(offset + value.length);
    tags.push(t.out(its.pos) as string);
    offset += value.length;
  });
  const out: string[] = [];
  let j = 0;
  let pos = 0;
  for (const w of words) {
    const ws = pos;
    const we = pos + w.length;
    pos = we + 1;
    while (j < starts.length && ends[j]! <= ws) j++;
    let tag: string | undefined;
    for (let k = j; k < starts.length && starts[k]! < we; k++) {
      const t = tags[k]!;
      if (tag === undefined || t !== 'PUNCT') tag = t;
    }
    out.push(tag ?? (j < tags.length ? tags[j]! : 'X'));
  }
  return out;
}
