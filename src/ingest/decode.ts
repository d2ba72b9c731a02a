/**
 * Bytes to text. Order of evidence: a byte-order mark, the charset an HTML page declares, strict UTF-8, and
 * for legacy 8-bit text the charset chardet guesses (Windows-1252 when it cannot tell). A file that is mostly
 * UTF-8 with a few broken sequences is repaired with a warning; one that is badly broken is refused, because
 * the text would be wrong in ways nobody could see later.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestFailure } from '../model/messages.ts';

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-r|ibm866|macintosh)$/i;

export function decode(bytes: Buffer, format: 'text' | 'markdown' | 'html'): Decoded {
  if (bytes.length === 0) throw new IngestFailure('empty', 'the file is empty');
  for (const [bom, enc] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return checked(iconv.decode(bytes.subarray(bom.length), enc), enc, []);
  }
  if (looksBinary(bytes)) {
    throw new IngestFailure('binary', 'the file holds binary data, not text; give Readout .txt, .md, .html or .json(l) files');
  }
  if (format === 'html') {
    const declared = declaredCharset(bytes);
    if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
      return checked(iconv.decode(bytes, declared), declared.toLowerCase(), []);
    }
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return checked(utf8, 'utf-8', []);

  const { valid, invalid, firstInvalid } = utf8Census(bytes);
  if (valid > 0 && valid >= invalid) {
    // Real UTF-8 with damage: repair a little, refuse a lot.
    if (invalid > Math.max(3, bytes.length / 2000)) {
      throw new IngestFailure(
        'invalid-utf8',
        `${invalid} invalid UTF-8 byte sequences (the first at byte ${firstInvalid}) among ${valid} valid ones; the file is damaged or mixes encodings — re-save it as UTF-8`,
      );
    }
    const text = bytes.toString('utf8');
    return checked(text, 'utf-8', [
      `${invalid} invalid UTF-8 byte sequence(s) replaced by U+FFFD (first at byte ${firstInvalid})`,
    ]);
  }
  const guess = chardet.detect(bytes);
  const enc = guess && SINGLE_BYTE.test(guess) && iconv.encodingExists(guess) ? guess.toLowerCase() : 'windows-1252';
  return checked(iconv.decode(bytes, enc), enc, []);
}

function checked(text: string, encoding: string, warnings: string[]): Decoded {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new IngestFailure('empty', 'the file holds only white space');
  return { text, encoding, warnings };
}

/** NUL bytes, or many control characters, in the first 8 KB mean this is not text in any 8-bit charset. */
function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > n * 0.02;
}

function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m ? m[1]! : null;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Buffer): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes. */
function utf8Census(bytes: Buffer): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}
