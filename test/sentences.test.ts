/** The tokenizer over wink-nlp: what it gives must not depend on what was read before. */
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { tokenize } from '../src/analyze/sentences.ts';

const words = (text: string) => tokenize(text, [{ start: 0, end: text.length, kind: 'body' }]).tokens.map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('splits a possessive off a name, even before a comma', () => {
    expect(words('The view was Smithers’s, not ours.')).toEqual(['The', 'view', 'was', 'Smithers', '’s', ',', 'not', 'ours', '.']);
    expect(words("It was Bramwell's.")).toEqual(['It', 'was', 'Bramwell', "'s", '.']);
  });
  it('reads a word the same way after a document that had it unsplit', () => {
    const text = 'Ahead of Governor Quillfeather’s Monday visit, aides met.';
    const fresh = words(text);
    words('The plan was not Quillfeather’s, as aides noted.');
    expect(words(text)).toEqual(fresh);
    expect(fresh.slice(2, 5)).toEqual(['Governor', 'Quillfeather', '’s']);
  });
});
