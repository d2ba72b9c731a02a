/**
 * Dependency syntax over a document's tokens, parsed on demand one sentence at a time (the parser is ~25k words/s,
 * an order slower than tokenising, so only sentences that hold an event trigger are parsed). The tree answers the
 * questions word order answers badly: which noun phrase is a verb's subject or object, through passives,
 * relative clauses, appositions and coordination ("Maduro, backed by Russia, China and the army, refused …").
 */
import type { Token } from '../model/annotations.ts';
import { parse } from './parser/index.ts';

/** The lexical words the readings below depend on (events.yaml, `words`). */
export interface SyntaxWords {
  /** verbs whose object does what a gerund after "of"/"by" says: "accused Russia of breaching" */
  judging: Set<string>;
  /** subjects that name no one in particular: "those", "anyone" */
  unspecified: Set<string>;
  /** nouns that, after "the two" or "both", name a pair: "the two leaders" */
  pair: Set<string>;
  /** nouns of an intention or a power, whose infinitive their owner does: "Trump's decision to withdraw" */
  intention: Set<string>;
  /** nouns of a text or a rule that does its own infinitive: "a resolution to denounce the attack" */
  instrument: Set<string>;
}

/** Who does a predicate, as `Syntax.subject` reads it from the parse. */
export interface Subject {
  token: number;
  /** the subject is the patient: the event's actor is the agent after "by" */
  passive: boolean;
  /** further subjects the parser gave the same verb: a coordination it split */
  others: number[];
  /** a noun outside the clause (the noun a relative clause or participle modifies, an owner, a controlling object) */
  antecedent?: boolean;
  /** to be trusted only if the noun names someone itself ("prompting the Russian president to …") */
  ifNamed?: boolean;
}

/** Heads and relations for every token of a document: `head[i]` is a token index, -1 for a sentence root. */
export class Syntax {
  readonly head: Int32Array;
  readonly dep: string[];
  /** the Penn tag each parsed word was read with: tells a participle ("VBN") from a past tense the parse misplaced */
  readonly xpos: string[];
  /** each token's dependents, in text order */
  private readonly dependents: number[][];
  private readonly parsed = new Set<number>();

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
    private readonly words: SyntaxWords,
  ) {
    this.head = new Int32Array(tokens.length).fill(-2);
    this.dep = new Array<string>(tokens.length).fill('');
    this.xpos = new Array<string>(tokens.length).fill('');
    this.dependents = tokens.map(() => []);
  }

  /** Parses the sentence whose tokens are t0..t1 (inclusive), once. */
  ensure(t0: number, t1: number): void {
    if (this.parsed.has(t0) || t1 < t0) return;
    this.parsed.add(t0);
    const span = this.tokens.slice(t0, t1 + 1);
    const p = parse(span.map((t) => this.text.slice(t.start, t.end)), span.map((t) => t.pos));
    p.head.forEach((h, k) => {
      this.head[t0 + k] = h < 0 ? -1 : t0 + h;
      this.dep[t0 + k] = p.label[k]!;
      this.xpos[t0 + k] = p.xpos?.[k] ?? '';
      if (h >= 0) this.dependents[t0 + h]!.push(t0 + k);
    });
  }

  children(i: number): number[] {
    return this.dependents[i]!;
  }

  /** The relation without its subtype: "nsubj:pass" → "nsubj". */
  base(i: number): string {
    return this.dep[i]!.split(':')[0]!;
  }

  /**
   * The token range of the noun phrase headed by `i`, with its coordinated phrases but without clauses and
   * appositions attached to it (relative clauses, participles, parentheticals): "Mr Maduro, backed by Russia,"
   * is "Mr Maduro"; "Putin and Biden" is both.
   */
  phrase(i: number): [number, number] {
    let lo = i;
    let hi = i;
    const walk = (k: number) => {
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
      for (const c of this.children(k)) if (!CLAUSAL.has(this.dep[c]!) && !CLAUSAL.has(this.base(c))) walk(c);
    };
    walk(i);
    return [lo, hi];
  }

  /**
   * The predicate a trigger word belongs to: past auxiliaries and copulas to their head ("is ready to" → ready),
   * and from a fixed expression's inner word to its head.
   */
  predicate(i: number): number {
    let k = i;
    for (let n = 0; n < 3 && this.head[k]! >= 0 && ['aux', 'cop', 'fixed', 'compound', 'mark'].includes(this.base(k)); n++) k = this.head[k]!;
    return k;
  }

  /**
   * The subject of the predicate at `i`: its own nsubj; for an infinitive or a second conjoined verb, the subject
   * of the verb it depends on ("agreed to meet", "met Lavrov and signed", "is expected to call"); for a relative
   * clause or a participle, the noun it modifies ("US planes shooting down a jet"); for "for X to …", X; for an
   * infinitive or gerund joined to a noun ("Trump's decision to withdraw"), the noun's owner or the clause's subject.
   * `passive` says whether the subject found is the patient (nsubj:pass with a form of "be", or the noun a
   * participle modifies: "Maduro, backed by Russia").
   */
  subject(i: number): Subject | null {
    // a noun outside the clause that does it: its own preposition, if any, is no reason to doubt it
    const standIn = (token: number, ifNamed = false): Subject => ({ token, passive: false, others: [], antecedent: true, ...(ifNamed ? { ifNamed } : {}) });
    let k = i;
    // "Trump is expected to call for …": the subject of a passive the infinitive hangs from does the infinitive
    let raised = false;
    for (let n = 0; n < 4; n++) {
      // two subjects of one verb are a coordination the parser split ("Merkel and President Obama discussed")
      // (a clausal subject names no one: "criticizing Russia … and praising NATO" is a coordination the parser read
      // as a subject, and whoever does the clause above does both)
      const [subj, ...others] = this.children(k).filter((c) => this.base(c) === 'nsubj');
      // "those who oppose …": a relative pronoun stands for the noun its clause modifies
      if (subj !== undefined && this.standsFor(subj) !== subj) return { ...standIn(this.standsFor(subj)), passive: this.dep[subj] === 'nsubj:pass' };
      if (subj !== undefined) return { token: subj, passive: !raised && this.dep[subj] === 'nsubj:pass' && this.passiveVoice(k), others };
      // "opening the door for Turkey to launch an offensive": the noun after "for" does the infinitive
      const forSubject = this.forSubject(k);
      if (forSubject !== null) return standIn(forSubject);
      const rel = this.dep[k]!;
      const up = this.head[k]!;
      if (up < 0) return null;
      // the noun a relative clause or a participle modifies does it, whatever preposition that noun has in its own
      // clause ("responding to US planes shooting down a jet")
      if (rel === 'acl:relcl') return standIn(up);
      // the "to", "of" or "by" that joins the clause at `k` to the word it hangs from
      const joint = this.children(k).find((c) => c < k && (this.base(c) === 'mark' || this.base(c) === 'case'));
      // "Yanukovych reversed a decision to sign", "Putin's plan to visit", "is in the process of inviting": a verb
      // joined to a noun by "to" or "of" is done by the noun's owner, else by whoever does the verb the noun hangs from
      // (but "accused the Russian government of hacking": the one accused does the gerund, whatever it hangs from)
      // ("a resolution to denounce the attack": a text does its own infinitive; after another noun an infinitive is
      // more often one of purpose the parser hung there, "used a press conference to condemn", and the parse tells
      // nothing of who does it)
      const judged = this.dep[up] === 'obj' && this.head[up]! >= 0 && this.words.judging.has(this.tokens[this.head[up]!]!.lemma);
      const owned = joint !== undefined && (this.tokens[joint]!.norm !== 'to' || this.words.intention.has(this.tokens[up]!.lemma.toLowerCase()));
      if (rel === 'acl' && !judged && owned) {
        const owner = this.children(up).find((c) => this.dep[c] === 'nmod:poss');
        if (owner !== undefined) return standIn(owner);
        raised = true;
        // (a noun that is a predicate has the subject itself: "Trump is in the process of …")
        k = this.children(up).some((c) => this.base(c) === 'nsubj') || this.head[up]! < 0 ? up : this.head[up]!;
        continue;
      }
      // ("prompting the Russian president to send in tanks", parsed as the object's infinitive: the object, if it names
      // someone)
      if (rel === 'acl' && joint !== undefined && this.tokens[joint]!.norm === 'to' && !this.words.instrument.has(this.tokens[up]!.lemma.toLowerCase())) {
        return this.dep[up] === 'obj' ? standIn(up, true) : null;
      }
      if (rel === 'acl') {
        // a past tense the parser hung from the last of coordinated nouns ("Both Obama and the German chancellor
        // agreed") is done by all of them: from the first
        let noun = up;
        while (this.xpos[k] === 'VBD' && this.dep[noun] === 'conj' && this.head[noun]! >= 0 && this.head[noun]! < noun) noun = this.head[noun]!;
        return { ...standIn(noun), passive: this.xpos[k] === 'VBN' && !this.children(k).some((c) => this.base(c) === 'obj') };
      }
      // "urged Russian leaders to abide", "prompting the Russian president to intervene": the object does the infinitive
      const controller = rel === 'xcomp' ? this.children(up).find((c) => c < k && this.base(c) === 'obj') : undefined;
      if (controller !== undefined) return standIn(controller);
      if (rel === 'xcomp' || rel === 'conj') {
        raised ||= rel === 'xcomp';
        k = up;
        continue;
      }
      // "Mueller announced indictments, accusing them of …": a participle without a conjunction is done by the
      // subject of the clause it hangs from
      if (rel === 'advcl' && this.xpos[k] === 'VBG' && joint === undefined) {
        k = up;
        continue;
      }
      // "accused Russia of breaching the treaty by deploying a missile": a gerund after "of"/"by" is done by the one
      // accused (or thanked, blamed…), else by whoever does the verb it hangs from
      if (rel === 'advcl' && joint !== undefined && GERUND_MARKS.has(this.tokens[joint]!.norm) && /ing$/.test(this.tokens[k]!.norm)) {
        const obj = this.words.judging.has(this.tokens[up]!.lemma) ? this.children(up).find((c) => this.base(c) === 'obj') : undefined;
        if (obj !== undefined) return { token: obj, passive: false, others: [] };
        k = up;
        continue;
      }
      return null;
    }
    return null;
  }

  /**
   * Whether the verb at `k` is in the passive as the words show it, not only as the parse labels it: a participle
   * with a form of "be" or "get" ("was extradited"; the parser reads "Zambia extradited suspected …" as one).
   */
  private passiveVoice(k: number): boolean {
    return this.children(k).some((c) => this.dep[c] === 'aux:pass' && /^(?:be|get)$/.test(this.tokens[c]!.lemma.toLowerCase()));
  }

  /** For an infinitive at `k` ("for Turkey to launch"), the head of the noun phrase between "for" and "to". */
  private forSubject(k: number): number | null {
    const to = this.children(k).find((c) => c < k && this.base(c) === 'mark' && this.tokens[c]!.norm === 'to');
    if (to === undefined) return null;
    for (let j = to - 1; j >= Math.max(0, to - 6); j--) {
      const [, end] = this.phrase(j);
      if (end !== to - 1) continue;
      if (this.children(j).some((c) => this.base(c) === 'case' && this.tokens[c]!.norm === 'for')) return j;
    }
    return null;
  }

  /**
   * The words that name the referent of the noun phrase headed by `i`, in three groups, best first: its head and
   * the heads coordinated with it (with their flat names and appositions); a title's name ("Secretary of State Rex
   * Tillerson", which parses as a modifier of "Secretary"); and, for a head that is no name itself, its possessor,
   * compounds and adjectives ("Russian troops", "U.S. and Russian officials"). Never its prepositional modifiers
   * ("the aggression in Ukraine" is no Ukraine).
   */
  naming(i: number): { heads: number[]; titled: number[]; modifiers: number[] } {
    const heads: number[] = [];
    const titled: number[] = [];
    const modifiers: number[] = [];
    // a name's parts: "Sergey Lavrov" (flat), "Sputnik News" (compound of a proper noun; "Kazakh officials" is no name)
    const name = (k: number) => [k, ...this.children(k).filter((g) => this.dep[g] === 'flat' || (this.dep[g] === 'compound' && this.tokens[k]!.pos === 'PROPN'))];
    const visit = (h: number, depth: number) => {
      heads.push(...name(h), ...this.children(h).filter((c) => this.dep[c] === 'appos'));
      for (const c of this.children(h)) {
        const d = this.dep[c]!;
        // ("Moscow, and not Washington, has worked with …": a conjunct denied names no one)
        if (d === 'conj' && depth < 6 && !this.denied(c)) visit(c, depth + 1);
        else if (d === 'nmod' && this.tokens[c]!.pos === 'PROPN') titled.push(...name(c));
        else if (d === 'nmod:poss' || d === 'compound' || d === 'amod') {
          modifiers.push(...name(c));
          for (const g of this.children(c)) if (this.dep[g] === 'conj') modifiers.push(...name(g));
        }
      }
    };
    visit(i, 0);
    return { heads, titled, modifiers };
  }

  /** Whether a conjunct is denied: "and not Washington", "not the EU". */
  private denied(k: number): boolean {
    const prev = this.tokens[k - 1];
    return prev?.norm === 'not' || (prev?.pos === 'DET' && this.tokens[k - 2]?.norm === 'not');
  }

  /** For a relative pronoun ("the agents whom it accused"), the noun its clause modifies; else the token itself. */
  standsFor(k: number): number {
    if (!RELATIVE.has(this.tokens[k]!.norm)) return k;
    const clause = this.head[k]!;
    if (clause >= 0 && this.dep[clause] === 'acl:relcl' && this.head[clause]! >= 0) return this.head[clause]!;
    // ("spoken with Saudi King Salman, who denied …", parsed as an aside: the name right before the comma)
    const before = this.tokens[k - 2];
    return before && this.tokens[k - 1]!.norm === ',' && (before.pos === 'PROPN' || before.pos === 'NOUN') ? k - 2 : k;
  }

  /** Whether the noun phrase headed by `i` names no one in particular: "those who …", "anyone", "others". */
  nobody(i: number): boolean {
    return this.words.unspecified.has(this.tokens[i]!.norm);
  }

  /** Whether the noun phrase headed by `i` is "the two leaders", "both sides": a pair named before. */
  pair(i: number): boolean {
    const quantifier = this.children(i).find((c) => ['det', 'nummod', 'det:predet'].includes(this.dep[c]!) && /^(?:two|both)$/.test(this.tokens[c]!.norm));
    return quantifier !== undefined && this.words.pair.has(this.tokens[i]!.lemma);
  }

  /** Whether the token has a preposition of its own ("In France, …" is no subject, whatever the parse says). */
  hasCase(i: number): boolean {
    return this.children(i).some((c) => this.base(c) === 'case');
  }

  /** Whether a span (a mention) covers token `k`. */
  covers(span: { start: number; end: number }, k: number): boolean {
    const t = this.tokens[k]!;
    return span.start <= t.start && span.end >= t.end;
  }

  /** Direct objects of the predicate at `i`, and its obliques with the case word each carries ("with Putin" → with). */
  objects(i: number): Array<{ token: number; rel: 'obj' | 'iobj' | 'obl'; case: string | null }> {
    const out: Array<{ token: number; rel: 'obj' | 'iobj' | 'obl'; case: string | null }> = [];
    for (const c of this.children(i)) {
      const b = this.base(c);
      if (b !== 'obj' && b !== 'iobj' && b !== 'obl') continue;
      const mark = this.children(c).find((g) => this.base(g) === 'case');
      out.push({ token: c, rel: b, case: mark === undefined ? null : this.tokens[mark]!.norm });
    }
    return out;
  }
}

const GERUND_MARKS = new Set(['of', 'by', 'for', 'in']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);

/** Relations that attach a clause or an aside to a noun: not part of the noun phrase that names an actor. */
const CLAUSAL = new Set(['acl', 'acl:relcl', 'appos', 'parataxis', 'punct', 'advcl', 'dep', 'discourse', 'list', 'vocative', 'reparandum']);
