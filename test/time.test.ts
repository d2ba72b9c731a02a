/** Time expressions: resolution against the section's reference date, on sentences written for these tests. */
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { mergeValues, resolveTimes, type TimeSection } from '../src/analyze/time.ts';
import { evaluateTimex, seedTimeChecks } from '../src/eval/timex.ts';
import type { TimeExpression } from '../src/model/annotations.ts';
import type { When } from '../src/model/document.ts';
import { SHARED, shared } from './helpers.ts';

const on = (day: string, basis = 'dateline'): When => ({ earliest: day, latest: day, basis });
const UNKNOWN: When = { earliest: null, latest: null, basis: 'no dateline, date field or dated URL' };

function times(text: string, published: When): TimeExpression[] {
  return resolveTimes(text, [{ start: 0, end: text.length, kind: 'body', published }]);
}

/** The one expression whose words are `words`. */
function at(text: string, published: When, words: string): TimeExpression {
  const all = times(text, published);
  const found = all.filter((t) => t.text === words);
  // on failure, the message shows every expression found
  expect({ words, found: found.length === 1 ? words : all.map((t) => t.text) }).toEqual({ words, found: words });
  return found[0]!;
}

const THU = on('2019-03-14'); // a Thursday

describe('explicit dates', () => {
  it('reads month-day-year, day-month-year and ISO dates without the reference', () => {
    const text = 'The accord was initialled on October 25, 2018 in Geneva, signed on 5 Feb, 2021 and logged as 2018-10-26.';
    expect(at(text, THU, 'October 25, 2018')).toMatchObject({ earliest: '2018-10-25', latest: '2018-10-25', value: '2018-10-25', type: 'DATE', basis: 'explicit date' });
    expect(at(text, THU, '5 Feb, 2021')).toMatchObject({ value: '2021-02-05' });
    expect(at(text, THU, '2018-10-26')).toMatchObject({ value: '2018-10-26' });
    expect(at(text, UNKNOWN, 'October 25, 2018').value).toBe('2018-10-25');
  });

  it('reads an event known by its date as that day, whatever the reference date', () => {
    expect(at('Putin called Bush after the Sept. 11 attacks.', THU, 'Sept. 11 attacks')).toMatchObject({ earliest: '2001-09-11', value: '2001-09-11' });
    expect(at('Allies came to our defence after 9/11.', THU, '9/11')).toMatchObject({ value: '2001-09-11' });
  });

  it('takes the year of a month-day from the reference date', () => {
    const text = 'Lavrov recalled the July 16 summit in Helsinki, and the envoys met again on Oct. 2 and on 9 October.';
    const ref = on('2018-10-25');
    expect(at(text, ref, 'July 16')).toMatchObject({ earliest: '2018-07-16', value: '2018-07-16' });
    expect(at(text, ref, 'Oct. 2').value).toBe('2018-10-02');
    expect(at(text, ref, '9 October').value).toBe('2018-10-09');
    expect(at(text, ref, 'July 16').basis).toMatch(/2018-10-25 \(dateline\)/);
  });

  it('reads a month with its year as that month, and a year alone', () => {
    const text = 'The extension of New START runs until February 2026; talks on it began in 2010.';
    expect(at(text, THU, 'February 2026')).toMatchObject({ earliest: '2026-02-01', latest: '2026-02-28', value: '2026-02' });
    expect(at(text, THU, '2010')).toMatchObject({ earliest: '2010-01-01', latest: '2010-12-31', value: '2010' });
    expect(times(text, THU).some((t) => t.text === '2026')).toBe(false);
  });
});

describe('months, parts of months and seasons', () => {
  it('reads "in December" as the last December, or the next one in a future clause', () => {
    expect(at('The two ministers spoke by phone in December.', THU, 'December')).toMatchObject({ earliest: '2018-12-01', latest: '2018-12-31', value: '2018-12' });
    expect(at('The two ministers will meet in Vienna in December.', THU, 'December').value).toBe('2019-12');
    expect(at('Xi is to visit Rome in May.', THU, 'May').value).toBe('2019-05');
    expect(at('A summit is scheduled for June.', THU, 'June').value).toBe('2019-06');
    expect(at('The talks, due to be held in May, were confirmed.', THU, 'May').value).toBe('2019-05');
  });

  it('narrows early, mid and late months to days 1-10, 11-20 and 21 to the month end', () => {
    const text = 'Envoys met in early January, again in mid-January, and in late February.';
    expect(at(text, THU, 'early January')).toMatchObject({ earliest: '2019-01-01', latest: '2019-01-10', value: '2019-01' });
    expect(at(text, THU, 'mid-January')).toMatchObject({ earliest: '2019-01-11', latest: '2019-01-20' });
    expect(at(text, THU, 'late February')).toMatchObject({ earliest: '2019-02-21', latest: '2019-02-28', value: '2019-02' });
    expect(at('Sanctions were eased in late February 2020.', THU, 'late February 2020')).toMatchObject({ latest: '2020-02-29' });
    expect(at('The envoy left late last July.', THU, 'late last July')).toMatchObject({ earliest: '2018-07-21', latest: '2018-07-31', value: '2018-07' });
  });

  it('reads seasons as meteorological northern seasons', () => {
    const ref = on('2014-12-31');
    expect(at('This fall, Kerry proposed a trip to Moscow.', ref, 'This fall')).toMatchObject({ earliest: '2014-09-01', latest: '2014-11-30', value: '2014-FA' });
    expect(at('The envoys first met last summer.', THU, 'last summer')).toMatchObject({ earliest: '2018-06-01', latest: '2018-08-31', value: '2018-SU' });
    expect(at('The blockade lasted this winter.', on('2019-01-20'), 'this winter')).toMatchObject({ earliest: '2018-12-01', latest: '2019-02-28', value: '2018-WI' });
    expect(at('The ceasefire collapsed in the spring of 2015.', THU, 'the spring of 2015').value).toBe('2015-SP');
  });

  it('does not read a season from other uses of the word', () => {
    const text = 'After the fall of Kabul, prices could fall this year, recalling the Arab Spring.';
    expect(times(text, THU).map((t) => t.text)).toEqual(['this year']);
  });
});

describe('periods relative to the reference date', () => {
  it('reads this/last/next month, week and year', () => {
    const text = 'Last month the envoys met; last week, this week and next week they talk; last year, this year.';
    expect(at(text, THU, 'Last month')).toMatchObject({ earliest: '2019-02-01', latest: '2019-02-28', value: '2019-02' });
    expect(at(text, THU, 'last week')).toMatchObject({ earliest: '2019-03-04', latest: '2019-03-10', value: '2019-W10' });
    expect(at(text, THU, 'this week').value).toBe('2019-W11');
    expect(at(text, THU, 'next week').value).toBe('2019-W12');
    expect(at(text, THU, 'last year')).toMatchObject({ earliest: '2018-01-01', latest: '2018-12-31', value: '2018' });
    expect(at(text, THU, 'this year').value).toBe('2019');
  });

  it('reads a weekday that names an occasion as the nearest such day, whatever the tense ("had low hopes for his Monday meeting")', () => {
    const text = 'He said he had low hopes for his Monday meeting. Friday\'s summit went well.';
    expect(at(text, on('2018-07-15'), 'Monday')).toMatchObject({ earliest: '2018-07-16' });
    expect(at(text, on('2018-07-15'), 'Friday')).toMatchObject({ earliest: '2018-07-13' });
  });

  it('reads "last week" written on a Sunday as the week that Sunday ends', () => {
    const text = 'Last week the allies met in Brussels.';
    expect(at(text, on('2018-07-15'), 'Last week')).toMatchObject({ earliest: '2018-07-09', latest: '2018-07-15', value: '2018-W28' });
    expect(at(text, on('2018-07-16'), 'Last week')).toMatchObject({ earliest: '2018-07-09', latest: '2018-07-15', value: '2018-W28' });
  });

  it('reads "this month" and "earlier this month" within the reference month', () => {
    const ref = on('2014-12-31');
    const text = 'This month, the council finished its review. Earlier this month, Kerry invited Lavrov to Rome.';
    expect(at(text, ref, 'This month')).toMatchObject({ earliest: '2014-12-01', latest: '2014-12-31', value: '2014-12' });
    expect(at(text, on('2014-12-15'), 'Earlier this month')).toMatchObject({ earliest: '2014-12-01', latest: '2014-12-15', value: '2014-12' });
  });

  it('reads early/late parts of years and the end of the year in the clause tense', () => {
    expect(at('Talks stalled early this year.', THU, 'early this year')).toMatchObject({ earliest: '2019-01-01', latest: '2019-04-30', value: '2019' });
    expect(at('The pact expires by the end of the year.', THU, 'the end of the year').value).toBe('2019');
    expect(at('Flu cases peaked by the end of the year.', on('2013-03-22'), 'the end of the year').value).toBe('2012');
  });

  it('reads today, yesterday, tomorrow, tonight and last night', () => {
    const text = 'Today Lavrov arrived; yesterday he met Wang; tomorrow he flies on; talks resume tonight after a dinner last night.';
    expect(at(text, THU, 'Today').value).toBe('2019-03-14');
    expect(at(text, THU, 'yesterday').value).toBe('2019-03-13');
    expect(at(text, THU, 'tomorrow').value).toBe('2019-03-15');
    expect(at(text, THU, 'tonight')).toMatchObject({ type: 'TIME', value: '2019-03-14TNI' });
    expect(at(text, THU, 'last night')).toMatchObject({ type: 'TIME', value: '2019-03-13TNI' });
  });

  it('reads reference words as PRESENT_REF and PAST_REF', () => {
    const text = 'Now the envoys are currently in Minsk; they recently met, as they did in the past.';
    expect(at(text, THU, 'Now')).toMatchObject({ value: 'PRESENT_REF', earliest: '2019-03-14', latest: '2019-03-14' });
    expect(at(text, THU, 'currently').value).toBe('PRESENT_REF');
    expect(at(text, THU, 'recently')).toMatchObject({ value: 'PAST_REF', earliest: null, latest: '2019-03-14' });
    expect(at(text, THU, 'the past').value).toBe('PAST_REF');
  });

  it('reads "N units ago" at the unit precision, and anchored spans', () => {
    expect(at('The treaty was signed two years ago.', THU, 'two years ago')).toMatchObject({ value: '2017', earliest: '2017-01-01' });
    const d = at('New evidence has emerged in the past few days.', THU, 'the past few days');
    expect(d).toMatchObject({ type: 'DURATION', value: 'PXD', latest: '2019-03-14' });
    expect(d.earliest! < '2019-03-14').toBe(true);
    expect(at('Relations soured over the past two years.', THU, 'the past two years')).toMatchObject({ value: 'P2Y', earliest: '2017-03-14', latest: '2019-03-14' });
  });
});

describe('weekdays and times of day', () => {
  it('reads a weekday as the most recent such day, the reference day itself when they match', () => {
    const ref = on('2018-10-25'); // a Thursday
    expect(at('On Tuesday, the adviser met the president for 90 minutes.', ref, 'Tuesday').value).toBe('2018-10-23');
    expect(at('On Thursday the ministers spoke by phone.', ref, 'Thursday').value).toBe('2018-10-25');
    expect(at('On Tuesday, the adviser met the president.', ref, 'Tuesday').basis).toMatch(/before the reference date 2018-10-25 \(dateline\)/);
  });

  it('reads a weekday in a future clause as the next one, and last/next weekdays strictly', () => {
    const ref = on('2018-10-25');
    expect(at('The foreign minister will fly to Ankara on Monday.', ref, 'Monday').value).toBe('2018-10-29');
    expect(at('The vote is set for next Tuesday.', ref, 'next Tuesday').value).toBe('2018-10-30');
    expect(at('It happened last Thursday.', ref, 'last Thursday').value).toBe('2018-10-18');
  });

  it('reads clock times and parts of days as TIME, taking the day from a date beside them', () => {
    const ref = on('2018-10-25');
    const text = 'The delegations sat down at 10 a.m. on Tuesday and talked until Tuesday evening.';
    expect(at(text, ref, '10 a.m.')).toMatchObject({ type: 'TIME', value: '2018-10-23T10:00', earliest: '2018-10-23' });
    expect(at(text, ref, 'Tuesday evening')).toMatchObject({ type: 'TIME', value: '2018-10-23TEV' });
    expect(at('The match was postponed until 15:00 GMT Saturday.', on('2013-03-22'), '15:00 GMT Saturday').value).toBe('2013-03-23T15:00');
    expect(at('The briefing starts at noon.', ref, 'noon').value).toBe('2018-10-25T12:00');
  });
});

describe('durations and sets', () => {
  it('reads durations with TIMEX3 values and no interval', () => {
    const text = 'The adviser met the president for 90 minutes on a two-day trip; the blogger got a three-and-a-half-year jail term after months of talks and a decade of tension.';
    const want: Record<string, string> = { '90 minutes': 'PT90M', 'two-day': 'P2D', 'three-and-a-half-year': 'P3.5Y', months: 'PXM', 'a decade': 'P10Y' };
    for (const [words, value] of Object.entries(want)) expect(at(text, THU, words)).toMatchObject({ type: 'DURATION', value, earliest: null, latest: null });
  });

  it('reads recurring times as SET, and "regularly" as nothing', () => {
    const text = 'The envoys meet every week, brief the press weekly and regularly exchange notes.';
    expect(at(text, THU, 'every week')).toMatchObject({ type: 'SET', value: 'P1W' });
    expect(at(text, THU, 'weekly')).toMatchObject({ type: 'SET', value: 'P1W' });
    expect(times(text, THU).some((t) => /regularly/.test(t.text))).toBe(false);
  });
});

describe('what is not a time expression', () => {
  it('reads no date from aircraft, summits, ordinals, articles, counts or names', () => {
    const text =
      'A US jet downed a Syrian Su-22 before the G7 met for the 100th anniversary; Article 5 was invoked; 1,300 people and 2000 troops left; ' +
      'Theresa May said so, the Daily Beast and USA Today reported, and flight 1701 landed.';
    expect(times(text, THU).filter((t) => t.type === 'DATE' || t.type === 'TIME')).toEqual([]);
  });

  it('reads no date from a URL', () => {
    expect(times('Read more at https://example.org/view/2014-12-31/outreach-to-russia', THU)).toEqual([]);
  });
});

describe('reference dates that are unknown, intervals or estimates', () => {
  it('leaves the interval null and says the year is unknown', () => {
    const t = at('In late January, the two presidents spoke by phone.', UNKNOWN, 'late January');
    expect(t).toMatchObject({ earliest: null, latest: null, value: 'XXXX-01' });
    expect(t.basis).toMatch(/year is unknown/);
    expect(at('They spoke on Tuesday.', UNKNOWN, 'Tuesday').value).toBe('XXXX-WXX-2');
  });

  it('resolves against both ends of an interval reference and widens', () => {
    const may: When = { earliest: '2017-05-01', latest: '2017-05-31', basis: 'month in the URL' };
    const t = at('On Tuesday the envoys met.', may, 'Tuesday');
    expect(t).toMatchObject({ earliest: '2017-04-25', latest: '2017-05-30', value: '2017-XX-XX' });
    expect(t.basis).toMatch(/reference interval 2017-05-01\.\.2017-05-31/);
    expect(at('They met in December.', may, 'December')).toMatchObject({ earliest: '2016-12-01', latest: '2016-12-31', value: '2016-12' });
  });

  it('says so in the basis when the reference is an estimate', () => {
    const est: When = { earliest: '2017-06-27', latest: '2017-06-27', basis: 'neighbouring posts', estimate: true };
    expect(at('On Monday, the ministers spoke by phone.', est, 'Monday').basis).toMatch(/estimate/);
  });

  it('merges two readings field by field', () => {
    expect(mergeValues('2014-FA', '2015-FA')).toBe('XXXX-FA');
    expect(mergeValues('2013-W11', '2013-W12')).toBe('2013-WXX');
    expect(mergeValues('2013-03', '2013-03')).toBe('2013-03');
  });
});

describe('sections', () => {
  it('resolves each section against its own reference and skips repeats', () => {
    const post = 'This month I reread it.\n';
    const quoted = 'This month, the council met.\n';
    const text = post + quoted + quoted;
    const sections: TimeSection[] = [
      { start: 0, end: post.length, kind: 'post', published: on('2017-05-29') },
      { start: post.length, end: post.length + quoted.length, kind: 'quoted', published: on('2014-12-31') },
      { start: post.length + quoted.length, end: text.length, kind: 'repeat', published: on('2014-12-31') },
    ];
    const out = resolveTimes(text, sections);
    expect(out.map((t) => t.value)).toEqual(['2017-05', '2014-12']);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
  });

  it('never lets an expression cross a line break', () => {
    const text = 'The talks ended on Tuesday\nJune 9, 2016 was the date of the meeting.';
    const out = times(text, THU);
    expect(out.every((t) => !t.text.includes('\n'))).toBe(true);
    expect(out.map((t) => t.text)).toEqual(['Tuesday', 'June 9, 2016']);
  });
});

const seeds = shared('corpus', 'seeds');
describe('seed acceptance checks', { skip: seeds.missing ?? false }, () => {
  it('resolves every checked phrase of the seeds as the issue says', () => {
    const checks = seedTimeChecks(SHARED);
    expect(checks).toHaveLength(10);
    // on failure, the message shows what each failing phrase resolved to
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });
});

const te3 = shared('eval', 'timex-te3-platinum');
describe('TempEval-3 platinum', { skip: te3.missing ?? false }, () => {
  it('finds ≥ 85% of gold DATE/TIME expressions and normalises ≥ 85% of those to the gold value', () => {
    const r = evaluateTimex(SHARED);
    const summary = { found: `${r.found}/${r.gold}`, value: `${r.valueCorrect}/${r.found}`, precision: `${r.predictedMatching}/${r.predicted}` };
    expect({ documents: r.documents, foundOk: r.foundShare >= 0.85, valueOk: r.valueShare >= 0.85, ...summary }).toEqual({ documents: 20, foundOk: true, valueOk: true, ...summary });
  });
});
