import iconv from 'iconv-lite';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { decode } from '../src/ingest/decode.ts';

describe('decode', () => {
  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = iconv.encode('The minister’s “firm” reply – in Zürich, café talks.', 'windows-1252');
    const d = decode(bytes, 'text');
    expect(d.text).toBe('The minister’s “firm” reply – in Zürich, café talks.');
    expect(d.encoding).toMatch(/windows-1252|iso-8859-1/);
  });

  it('believes a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Kyiv and Moscow', 'utf-16le')]);
    expect(decode(bytes, 'text').text).toBe('Kyiv and Moscow');
  });

  it("follows the charset an HTML page declares", () => {
    const html = '<html><head><meta charset="koi8-r"></head><body>Москва</body></html>';
    const d = decode(iconv.encode(html, 'koi8-r'), 'html');
    expect(d.text).toContain('Москва');
  });

  it('repairs a stray broken byte in UTF-8 with a warning', () => {
    const bytes = Buffer.concat([Buffer.from('Talks in Kyiv – day one. '.repeat(20)), Buffer.from([0xff]), Buffer.from(' The end.')]);
    const d = decode(bytes, 'text');
    expect(d.warnings[0]).toMatch(/invalid UTF-8/);
    expect(d.text).toContain('The end.');
  });
});
