/**
 * Sentences and tokens with wink-nlp (English lite model: ~400k tokens/s, POS tags). wink splits well on news
 * prose but breaks inside domains and at ellipses, and knows nothing of paragraphs; two repairs follow:
 * a boundary with no white space after it is no boundary ("sjlendman.blogspot.com", "today...it"), and a
 * paragraph that ends by announcing a quote ("…, saying:") runs on into the quote in the next paragraph.
 * Repeat sections are not read at all.
 */
import winkNLP, { type Document as WinkDocument, type ItemToken, type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Section, Span } from '../model/document.ts';
import type { Sentence, Token } from '../model/annotations.ts';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/** A paragraph that ends like this introduces the quotation that follows it. */
const ANNOUNCES_QUOTE = /(?::|\b(?:saying|said|says|adding|added|stating|stated|declaring|declared|noting|noted|writing|wrote|told \w+|explaining|explained|insisting|warned|warning))\s*[,:–—-]?\s*$/i;
const OPENS_QUOTE = /^\s*["“‘'(]/;
/** A word with a possessive (or "is") clitic wink did not split: "Trump’s". */
const POSSESSIVE_CLITIC = /^(.*[\p{L}\p{N}])(['’]s)$/iu;

export interface Tokenized {
  sentences: Sentence[];
  tokens: Token[];
}

export function tokenize(text: string, sections: Array<Pick<Section, 'start' | 'end' | 'kind'>>): Tokenized {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  sections.forEach((section, index) => {
    if (section.kind === 'repeat') return;
    for (const para of paragraphs(text, section)) {
      const found = readParagraph(text, para, index, tokens);
      const prev = sentences[sentences.length - 1];
      const first = found[0];
      // "…, saying:" + blank line + "“…”": one sentence
      if (prev && first && prev.section === index && ANNOUNCES_QUOTE.test(text.slice(prev.start, prev.end)) && OPENS_QUOTE.test(text.slice(first.start, first.end))) {
        prev.end = first.end;
        found.shift();
      }
      sentences.push(...found);
    }
  });
  return { sentences, tokens };
}

function paragraphs(text: string, section: Span): Span[] {
  const out: Span[] = [];
  const re = /\n\s*\n/g;
  re.lastIndex = section.start;
  let start = section.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < section.end) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < section.end) out.push({ start, end: section.end });
  return out;
}

function readParagraph(text: string, para: Span, section: number, tokens: Token[]): Sentence[] {
  const slice = text.slice(para.start, para.end);
  const doc: WinkDocument = nlp.readDoc(slice);
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = para.start;
  const first = tokens.length;
  doc.tokens().each((t: ItemToken) => {
    offset += (t.out(its.precedingSpaces) as string).length;
    const value = t.out() as string;
    starts.push(offset);
    ends.push(offset + value.length);
    const pos = t.out(its.pos) as string;
    const lemma = String(t.out(its.lemma as unknown as typeof its.value)).toLowerCase();
    // wink leaves "Trump’s" whole before punctuation ("Trump’s, as …") and then remembers the word, so later
    // documents would read it whole too: the possessive is always split off, whatever was read before
    const clitic = POSSESSIVE_CLITIC.exec(value);
    if (clitic) {
      const head = clitic[1]!.length;
      tokens.push({ start: offset, end: offset + head, pos, norm: value.slice(0, head).toLowerCase(), lemma: lemma.endsWith(value.slice(head).toLowerCase()) ? lemma.slice(0, -2) : lemma });
      tokens.push({ start: offset + head, end: offset + value.length, pos: 'PART', norm: value.slice(head).toLowerCase(), lemma: value.slice(head).toLowerCase() });
    } else tokens.push({ start: offset, end: offset + value.length, pos, norm: value.toLowerCase(), lemma });
    offset += value.length;
  });
  // wink drops white space after the last token: the paragraph ends where its text does
  const textEnd = para.start + slice.trimEnd().length;
  if (offset !== textEnd && offset !== para.end && starts.length) {
    // wink normally reproduces its input exactly; if not, fall back to one sentence per paragraph
    tokens.length = first;
    return [{ start: para.start, end: para.end, section }];
  }
  const out: Sentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    const start = starts[a]!;
    const end = ends[b]!;
    const prev = out[out.length - 1];
    if (prev && !/\s/.test(text[start - 1] ?? ' ')) prev.end = end;
    else out.push({ start, end, section });
  });
  return out;
}
