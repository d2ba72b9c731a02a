/**
 * `readout eval [suite]`: scores against the gold data in ../shared, printed as tables. With --check, a score
 * below its bar (the acceptance bars of the issues, kept in BARS) fails the run: this is the evaluation gate.
 */
import { evaluateExtraction, EXTRACTION_DIR, type ExtractionReport } from '../eval/extraction.ts';
import { missingShared, type Score } from '../eval/shared.ts';
import { evaluateMentions, type MentionReport } from '../eval/mentions.ts';
import { evaluateSeedEvents, type SeedEventReport } from '../eval/events.ts';
import { evaluatePlover, type PloverReport } from '../eval/plover.ts';
import { evaluateLinking, seedLinkCheck, type LinkingReport, type SeedLinkCheck } from '../eval/linking.ts';
import { evaluateTimex, seedTimeChecks, type SeedTimeCheck, type TimexReport } from '../eval/timex.ts';

/** The bars a release must meet. Raising one is a decision; lowering one needs a reason in the issue. */
export const BARS = {
  'extraction.f1': 0.955,
  'timex.found': 0.85,
  'timex.value': 0.85,
  // the language-layer issue asks for every gold person and every description the gold rests on
  'mentions.names': 1,
  'mentions.descriptions': 1,
  // the event-coder issue
  'events.recall': 0.85,
  'events.precision': 0.8,
  'events.dates': 0.85,
  'events.status': 0.85,
  'plover.type': 0.7,
  'plover.actor': 0.75,
  'plover.perSentence': 1.5,
  // the linking issue
  'linking.f1': 0.8,
} as const;

/**
 * Bars of work still in progress: reported, but they do not fail the gate yet. A bar leaves this set in the
 * commit that reaches it, and from then on a regression below it fails CI.
 */
export const TARGETS = new Set<string>([]);

type Suite = 'extraction' | 'timex' | 'mentions' | 'events' | 'linking';
const SUITES: Suite[] = ['extraction', 'timex', 'mentions', 'events', 'linking'];

export async function evalCommand(suite: string, flags: { shared: string; check?: boolean; json?: boolean }): Promise<number> {
  const chosen = suite === 'all' ? SUITES : SUITES.filter((s) => s === suite);
  if (!chosen.length) {
    process.stderr.write(`readout eval: unknown suite "${suite}"; choose one of ${['all', ...SUITES].join(', ')}\n`);
    return 2;
  }
  const results: Record<string, unknown> = {};
  const failed: string[] = [];
  const targets: string[] = [];
  let skipped = 0;
  /** whether the shared data a suite needs is there; if not, says so and counts the suite as skipped */
  const available = (suite: string, ...paths: string[][]): boolean => {
    const missing = paths.map((p) => missingShared(flags.shared, ...p)).find(Boolean);
    if (missing) {
      process.stderr.write(`skip ${suite}: ${missing}\n`);
      skipped++;
    }
    return !missing;
  };
  if (chosen.includes('extraction') && available('extraction', EXTRACTION_DIR)) {
    const report = evaluateExtraction(flags.shared);
    results.extraction = report;
    if (!flags.json) printExtraction(report);
    if (report.readout.f1 < BARS['extraction.f1']) failed.push(`extraction F1 ${report.readout.f1.toFixed(4)} < ${BARS['extraction.f1']}`);
  }
  if (chosen.includes('timex') && available('timex', ['eval', 'timex-te3-platinum'])) {
    const report = evaluateTimex(flags.shared);
    const seeds = missingShared(flags.shared, 'corpus', 'seeds') ? [] : seedTimeChecks(flags.shared);
    results.timex = { ...report, seeds };
    if (!flags.json) printTimex(report, seeds);
    if (report.foundShare < BARS['timex.found']) failed.push(`TE3 found ${pct(report.foundShare)} < ${BARS['timex.found']}`);
    if (report.valueShare < BARS['timex.value']) failed.push(`TE3 value ${pct(report.valueShare)} < ${BARS['timex.value']}`);
    const wrong = seeds.filter((c) => !c.ok);
    if (wrong.length) failed.push(`seed time checks: ${wrong.map((c) => `${c.seed} "${c.text}"`).join(', ')}`);
  }
  if (chosen.includes('mentions') && available('mentions', ['gold', 'seeds.events.json'], ['corpus', 'seeds'])) {
    const report = evaluateMentions(flags.shared);
    results.mentions = report;
    if (!flags.json) printMentions(report);
    const share = (x: { total: number; right: number }) => (x.total ? x.right / x.total : 1);
    if (share(report.names) < BARS['mentions.names']) failed.push(`seed people by name ${report.names.right}/${report.names.total}`);
    if (share(report.descriptions) < BARS['mentions.descriptions']) failed.push(`seed descriptions ${report.descriptions.right}/${report.descriptions.total}`);
  }
  if (chosen.includes('events')) {
    if (available('events (seeds)', ['gold', 'seeds.events.json'], ['corpus', 'seeds'])) {
      const r = evaluateSeedEvents(flags.shared);
      results.events = r;
      if (!flags.json) printSeedEvents(r);
      const share = (x: { scored: number; right: number }) => (x.scored ? x.right / x.scored : 1);
      if (r.recall < BARS['events.recall']) failed.push(`seed events recall ${pct(r.recall)} < ${BARS['events.recall']}`);
      if (r.precision < BARS['events.precision']) failed.push(`seed events precision ${pct(r.precision)} < ${BARS['events.precision']}`);
      if (share(r.dates) < BARS['events.dates']) failed.push(`seed event dates ${r.dates.right}/${r.dates.scored}`);
      if (share(r.statuses) < BARS['events.status']) failed.push(`seed event status ${r.statuses.right}/${r.statuses.scored}`);
    }
    const gsr = missingShared(flags.shared, 'eval', 'plover-gsr', 'PLOVER_GSR_CAMEO.json');
    if (gsr) {
      process.stderr.write(`skip events (PLOVER GSR): ${gsr}\n`);
    } else {
      const r = evaluatePlover(flags.shared);
      results.plover = r;
      if (!flags.json) printPlover(r);
      if (r.typeShare < BARS['plover.type']) (TARGETS.has('plover.type') ? targets : failed).push(`PLOVER GSR type ${pct(r.typeShare)} < ${BARS['plover.type']}`);
      if (r.actorShareOfTyped < BARS['plover.actor']) (TARGETS.has('plover.actor') ? targets : failed).push(`PLOVER GSR actor ${pct(r.actorShareOfTyped)} < ${BARS['plover.actor']}`);
      if (r.eventsPerSentence > BARS['plover.perSentence']) failed.push(`PLOVER GSR ${r.eventsPerSentence.toFixed(2)} events per sentence > ${BARS['plover.perSentence']}`);
    }
  }
  if (chosen.includes('linking') && available('linking', ['eval', 'news-clusters', 'giveme5w1h-news-cluster.jsonl'])) {
    const r = evaluateLinking(flags.shared);
    const seeds = missingShared(flags.shared, 'corpus', 'seeds') ? null : seedLinkCheck(flags.shared);
    results.linking = { ...r, seeds };
    if (!flags.json) printLinking(r, seeds);
    if (r.f1 < BARS['linking.f1']) failed.push(`news-clusters B-cubed F1 ${pct(r.f1)} < ${BARS['linking.f1']}`);
    if (seeds && (!seeds.oneEvent || seeds.sides.length < 2 || !seeds.divergences.length)) failed.push('seeds: the January 2021 call is not one event with diverging accounts');
  }
  if (flags.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  if (flags.check) {
    if (skipped === chosen.length) {
      process.stderr.write('eval --check: no gold data available, nothing checked\n');
      return 0;
    }
    for (const f of failed) process.stderr.write(`FAIL ${f}\n`);
    for (const t of targets) process.stderr.write(`below target (not gating yet) ${t}\n`);
    if (!failed.length) process.stderr.write('eval --check: all scores meet their bars\n');
    return failed.length ? 1 : 0;
  }
  return 0;
}

const pct = (x: number) => x.toFixed(4);

function row(name: string, s: Score): string {
  return `${name.padEnd(16)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(9)} ${pct(s.f1).padStart(9)}\n`;
}

function printExtraction(r: ExtractionReport): void {
  const out = process.stdout;
  out.write(`\nMain-text extraction — ${r.pages} pages (bag-of-words, per page, averaged)\n`);
  out.write(`${'extractor'.padEnd(16)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)}\n`);
  const rows: Array<[string, Score]> = [['readout', r.readout], ...Object.entries(r.anchors)];
  rows.sort((a, b) => b[1].f1 - a[1].f1);
  for (const [name, s] of rows) out.write(row(name === 'readout' ? 'readout ◀' : name, s));
  out.write(`bar: F1 ≥ ${BARS['extraction.f1']}${r.failures ? `; ${r.failures} pages failed to extract` : ''}\n`);
  out.write(`worst pages: ${r.worst.slice(0, 5).map((w) => `${w.f1.toFixed(2)} ${w.url}`).join('\n             ')}\n`);
}

function printTimex(r: TimexReport, seeds: SeedTimeCheck[]): void {
  const out = process.stdout;
  out.write(`\nTime expressions — TempEval-3 platinum, ${r.documents} documents (gold DATE and TIME: ${r.gold})\n`);
  out.write(`  found                 ${r.found}/${r.gold} = ${pct(r.foundShare)}   (bar ≥ ${BARS['timex.found']})\n`);
  out.write(`  value right, of found ${r.valueCorrect}/${r.found} = ${pct(r.valueShare)}   (bar ≥ ${BARS['timex.value']})\n`);
  out.write(`  precision             ${r.predictedMatching}/${r.predicted} = ${pct(r.precision)}\n`);
  out.write(`  ${'type'.padEnd(9)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'right'.padStart(6)} ${'predicted'.padStart(10)}\n`);
  for (const [type, c] of Object.entries(r.perType)) {
    out.write(`  ${type.padEnd(9)} ${String(c.gold).padStart(5)} ${String(c.found).padStart(6)} ${String(c.valueCorrect).padStart(6)} ${String(c.predicted).padStart(10)}\n`);
  }
  out.write(`  values compared: ${r.valueRule}\n`);
  if (seeds.length) {
    out.write(`\nSeed time checks: ${seeds.filter((c) => c.ok).length}/${seeds.length}\n`);
    for (const c of seeds) out.write(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.seed} ${JSON.stringify(c.text).padEnd(24)} → ${c.got}${c.ok ? '' : ` (expected ${c.expected})`}\n`);
  }
}

function printMentions(r: MentionReport): void {
  const out = process.stdout;
  out.write(`\nPeople on the seeds (gold persons, at each section's reference date)\n`);
  out.write(`  named (name or surname) → right person, country and office  ${r.names.right}/${r.names.total}\n`);
  out.write(`  descriptions (roles, pronouns, initials, groups) → right people  ${r.descriptions.right}/${r.descriptions.total}\n`);
  for (const c of r.checks) out.write(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.seed} ${c.what.padEnd(26)} → ${c.got}${c.ok ? '' : ` (expected ${c.expected})`}\n`);
}

function printSeedEvents(r: SeedEventReport): void {
  const out = process.stdout;
  const frac = (x: { scored: number; right: number }) => `${x.right}/${x.scored}${x.scored ? ` = ${pct(x.right / x.scored)}` : ''}`;
  out.write(`\nEvents on the seeds (gold/README.md)\n`);
  out.write(`  recall of must events  ${r.mustMatched}/${r.must} = ${pct(r.recall)}   (bar ≥ ${BARS['events.recall']})\n`);
  out.write(`  precision              ${r.matched}/${r.predicted} = ${pct(r.precision)}   (bar ≥ ${BARS['events.precision']})\n`);
  out.write(`  dates right            ${frac(r.dates)}   (bar ≥ ${BARS['events.dates']})\n`);
  out.write(`  status right           ${frac(r.statuses)}   (bar ≥ ${BARS['events.status']})\n`);
  out.write(`  mode right             ${frac(r.modes)}\n`);
  out.write(`  published right        ${frac(r.published)}\n`);
  for (const row of r.rows) {
    const mark = row.matched ? 'hit ' : row.need === 'must' ? 'MISS' : 'may ';
    const flags = [row.date === false ? 'date✗' : '', row.status === false ? 'status✗' : '', row.mode === false ? 'mode✗' : ''].filter(Boolean).join(' ');
    out.write(`  ${mark} ${row.gold.padEnd(22)} ${flags.padEnd(14)} ${row.detail.slice(0, 110)}\n`);
  }
  for (const e of r.extras) out.write(`  extra ${e.document.slice(0, 3)} ${e.event} ${e.actor} → ${e.recipient} | ${e.evidence.slice(0, 70).replace(/\s+/g, ' ')}\n`);
}

function printPlover(r: PloverReport): void {
  const out = process.stdout;
  out.write(`\nPLOVER gold-standard sentences — ${r.sentences} sentences\n`);
  out.write(`  an event of the gold type      ${r.typeRight}/${r.sentences} = ${pct(r.typeShare)}   (bar ≥ ${BARS['plover.type']})\n`);
  out.write(`  …and its actor is the source   ${r.actorRight}/${r.typeRight} = ${pct(r.actorShareOfTyped)}   (bar ≥ ${BARS['plover.actor']}; of all sentences ${pct(r.actorShareOfAll)})\n`);
  out.write(`  events per sentence            ${r.eventsPerSentence.toFixed(2)}   (bar ≤ ${BARS['plover.perSentence']})\n`);
  out.write(`  ${'type'.padEnd(10)} ${'gold'.padStart(5)} ${'type ok'.padStart(8)} ${'actor ok'.padStart(9)}\n`);
  for (const [t, c] of Object.entries(r.perType)) out.write(`  ${t.padEnd(10)} ${String(c.gold).padStart(5)} ${String(c.typeRight).padStart(8)} ${String(c.actorRight).padStart(9)}\n`);
}

function printLinking(r: LinkingReport, seeds: SeedLinkCheck | null): void {
  const out = process.stdout;
  out.write(`\nLinking — news-clusters, ${r.documents} articles, ${r.goldEvents} gold events → ${r.groups} groups (${r.withCodedEvent} documents lead with a coded event)\n`);
  for (const u of r.unreadable) out.write(`  unreadable (scored as a group of its own): ${u}\n`);
  out.write(`  B-cubed precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${pct(r.f1)}   (bar F1 ≥ ${BARS['linking.f1']})\n`);
  if (seeds) {
    out.write(`  seeds: January 2021 Biden–Putin call ${seeds.oneEvent ? `is one event in ${seeds.documents} documents` : 'is NOT one event'}; sides with accounts: ${seeds.sides.join(', ') || 'none'}\n`);
    for (const d of seeds.divergences.slice(0, 6)) out.write(`    ${d.kind}: ${d.description}\n`);
  }
}
