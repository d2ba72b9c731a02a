/**
 * HTML pages: the article's main text through Mozilla's Readability on a linkedom DOM, turned into plain text
 * with one paragraph per block element; and the page's own metadata (meta tags, JSON-LD, canonical link),
 * read before Readability rewrites the DOM.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestFailure } from '../model/messages.ts';

export interface PageMeta {
  title: string | null;
  siteName: string | null;
  author: string | null;
  url: string | null;
  /** the raw published value and where it came from */
  published: { value: string; basis: string } | null;
  /** JSON-LD articleBody, when the page ships one */
  articleBody: string | null;
}

export interface ExtractedPage {
  text: string;
  meta: PageMeta;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul', 'summary', 'caption',
]);
// Captions describe pictures, not the story; buttons and forms are page furniture.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'textarea', 'iframe', 'object', 'figcaption']);

// Minimal structural view of DOM nodes, so this module does not depend on lib.dom typings.
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function extractHtml(html: string): ExtractedPage {
  const { document } = parseHTML(html);
  const meta = readMeta(document as unknown as MetaDocument);
  const article = readArticle(document);
  let text = article?.content ? blockText(article.content as DomNode) : '';
  // Readability sometimes keeps only a teaser; a page that ships its full body as JSON-LD is believed.
  const ldBody = meta.articleBody ? ldText(meta.articleBody) : null;
  if (ldBody && ldBody.length > text.length * 1.3) text = ldBody;
  if (!text.trim()) {
    throw new IngestFailure('no-article', 'the page has no article text Readability could find (an index, a login wall or a script-only page?)');
  }
  return {
    text,
    meta: {
      ...meta,
      title: meta.title ?? clean(article?.title),
      siteName: meta.siteName ?? clean(article?.siteName),
      author: meta.author ?? clean(article?.byline),
      published: meta.published ?? (article?.publishedTime ? { value: article.publishedTime, basis: 'page metadata (Readability)' } : null),
    },
  };
}

interface Article {
  content: unknown;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

function readArticle(document: unknown): Article | null {
  try {
    const reader = new Readability(document as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 400,
      // keep the DOM element: blockText walks it, which beats re-parsing serialised HTML
      serializer: (el: unknown) => el,
    } as ConstructorParameters<typeof Readability>[1]);
    return reader.parse() as Article | null;
  } catch {
    return null;
  }
}

/** JSON-LD articleBody is plain text on most sites, but some ship (entity-escaped) HTML in it. */
function ldText(body: string): string {
  const unescaped = /&lt;\/?[a-z]/i.test(body) ? body.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : body;
  if (!/<\/?(?:p|div|br|span|a|em|strong|h\d|img|iframe)\b/i.test(unescaped)) return body;
  const { document } = parseHTML(`<!doctype html><html><body>${unescaped}</body></html>`);
  return blockText(document.body as unknown as DomNode);
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** Plain text of a DOM subtree: blocks become paragraphs separated by a blank line, <br> a line break. */
export function blockText(root: DomNode): string {
  const out: string[] = [];
  let line = '';
  const flush = (sep: string) => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) out.push(t, sep);
    else if (sep === '\n\n' && out.length && out[out.length - 1] === '\n') out[out.length - 1] = '\n\n';
    line = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === 'br') return flush('\n');
    const block = BLOCK.has(name);
    if (block) flush('\n\n');
    if (name === 'td' || name === 'th') line += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!);
    if (block) flush('\n\n');
  };
  walk(root);
  flush('\n\n');
  return out.join('').trim();
}

interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface MetaDocument {
  querySelectorAll(sel: string): ArrayLike<MetaElement>;
  querySelector(sel: string): MetaElement | null;
  title?: string;
}

function readMeta(doc: MetaDocument): PageMeta {
  const metas = new Map<string, string>();
  const all = doc.querySelectorAll('meta');
  for (let i = 0; i < all.length; i++) {
    const m = all[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !metas.has(key)) metas.set(key, content.trim());
  }
  const ld = readJsonLd(doc);
  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return { key: k, value: v };
    }
    return null;
  };
  const pub =
    first('article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
      'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published') ?? null;
  let published: PageMeta['published'] = pub ? { value: pub.value, basis: `HTML meta ${pub.key}` } : null;
  if (!published && ld.datePublished) published = { value: ld.datePublished, basis: 'JSON-LD datePublished' };
  if (!published) {
    const time = doc.querySelector('time[datetime][pubdate], article time[datetime], time[itemprop="datePublished"]');
    const v = time?.getAttribute('datetime');
    if (v) published = { value: v, basis: 'HTML <time datetime>' };
  }
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return {
    title: clean(first('og:title', 'twitter:title')?.value ?? ld.headline ?? doc.title ?? null),
    siteName: clean(first('og:site_name', 'application-name')?.value ?? ld.publisher ?? null),
    author: clean(first('author', 'article:author', 'byl', 'parsely-author', 'dc.creator')?.value ?? ld.author ?? null),
    url: absoluteUrl(first('og:url')?.value ?? canonical ?? ld.url ?? null),
    published,
    articleBody: ld.articleBody,
  };
}

function absoluteUrl(u: string | null): string | null {
  return u && /^https?:\/\//i.test(u) ? u : null;
}

interface LdFacts {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  articleBody: string | null;
}

function readJsonLd(doc: MetaDocument): LdFacts {
  const facts: LdFacts = { headline: null, datePublished: null, author: null, publisher: null, url: null, articleBody: null };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of flattenLd(data)) {
      const type = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
      if (!type.some((t) => /Article|Posting|Report|WebPage/i.test(t))) continue;
      facts.headline ??= str(node.headline);
      facts.datePublished ??= str(node.datePublished) ?? str(node.dateCreated);
      facts.author ??= names(node.author);
      facts.publisher ??= names(node.publisher);
      facts.url ??= str(node.url) ?? str(node.mainEntityOfPage);
      facts.articleBody ??= str(node.articleBody);
    }
  }
  return facts;
}

function flattenLd(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flattenLd);
  if (!data || typeof data !== 'object') return [];
  const o = data as Record<string, unknown>;
  return [o, ...(Array.isArray(o['@graph']) ? flattenLd(o['@graph']) : [])];
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v && typeof v === 'object' && typeof (v as { '@id'?: unknown })['@id'] === 'string') return (v as { '@id': string })['@id'];
  return null;
}

function names(v: unknown): string | null {
  const list = ([] as unknown[]).concat(v ?? []);
  const out = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? str((a as { name?: unknown }).name) : null))
    .filter((x): x is string => !!x);
  return out.length ? out.join(', ') : null;
}
