/**
 * Language identification with franc (trigram profiles). Only a sample is read: the language of a news article
 * is settled by its first few paragraphs, and long texts would cost time for nothing.
 */
import { franc } from 'franc-min';

/** ISO 639-3 codes franc returns → ISO 639-1, for the languages news in this field comes in. */
const ISO1: Record<string, string> = {
  eng: 'en', rus: 'ru', ukr: 'uk', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', pol: 'pl',
  tur: 'tr', arb: 'ar', pes: 'fa', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', ind: 'id', swe: 'sv', ces: 'cs',
  ron: 'ro', hun: 'hu', ell: 'el', heb: 'he', srp: 'sr', hrv: 'hr', bul: 'bg', bel: 'be', uzn: 'uz', kaz: 'kk',
  vie: 'vi', tha: 'th', zlm: 'ms', swh: 'sw', hau: 'ha', yor: 'yo', amh: 'am', urd: 'ur', ben: 'bn', tam: 'ta',
};

const SAMPLE = 800;
const MIN_LENGTH = 40;

/** ISO 639-1 code (or 639-3 when there is none), or null when the text is too short to tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  if (sample.replace(/\s+/g, '').length < MIN_LENGTH) return null;
  const code = franc(sample, { minLength: MIN_LENGTH });
  if (code === 'und') return null;
  // Scots and similar close neighbours are what franc says for short English with names in it.
  if (code === 'sco') return 'en';
  return ISO1[code] ?? code;
}
