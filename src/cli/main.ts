/**
 * The `readout` command. Each subcommand lives in its own module; this file wires them to commander and turns
 * failures into exit codes (0 ok, 1 errors with --strict or a failed check, 2 bad usage).
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { ingestCommand } from './ingest.ts';
import { extractCommand } from './extract.ts';
import { evalCommand } from './eval.ts';
import { benchCommand } from './bench.ts';
import { startCommand } from './start.ts';
import { documentsCommand } from './documents.ts';
import { kbImportCommand, kbWhoCommand } from './kb.ts';
import { serveCommand } from './serve.ts';
import { analyzeCommand, eventCommand, eventsCommand, exportCommand, outletsCommand, relationsCommand } from './events.ts';

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const DEFAULT_DB = process.env.READOUT_DB ?? 'readout.db';

const collect = (v: string, prev: string[]) => [...prev, v];

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('readout')
    .description('Reads news about relations between countries and turns it into a verifiable record of diplomatic events.')
    .version(VERSION)
    .option('--db <path>', 'SQLite database file', DEFAULT_DB)
    .exitOverride()
    .showHelpAfterError();

  /** The inputs and how to read them: the same for every command that reads articles. */
  const reading = (cmd: Command) =>
    cmd
      .argument('<paths...>', 'files, folders or -')
      .option('--map <field=key>', 'take a record field from another key, e.g. text=body (repeatable)', collect, [])
      .option('--max-size <MB>', 'largest single article accepted, in MB', '10')
      .option('--strict', 'exit non-zero when any input fails');

  reading(program.command('ingest').description('read articles (files, folders, .json/.jsonl[.gz] exports, - for stdin) into the database'))
    .option('--json', 'print the summary as JSON')
    .option('--no-analyze', 'store the documents only; analyse and link later with `readout analyze`')
    .option('--progress-json', 'print progress as JSON lines on stdout (for programs driving an import)')
    .action(async (paths: string[], o) => {
      code = await ingestCommand(paths, { ...o, db: program.opts().db });
    });

  reading(program.command('extract').description('print one JSON object (schema: extract.schema.json) for the given inputs; the database is only read, for positions imported with `kb import`'))
    .option('--pretty', 'indent the JSON')
    .option('--link', 'also link events across the documents (linkedEvents, with accounts and divergences)')
    .action(async (paths: string[], o) => {
      code = await extractCommand(paths, { ...o, db: program.opts().db });
    });

  program
    .command('documents')
    .description('list or search the documents in the database')
    .option('-q, --query <words>', 'full-text search')
    .option('--limit <n>', 'how many', '20')
    .option('--errors', 'list the ingestion errors instead')
    .action(async (o) => {
      code = await documentsCommand({ ...o, db: program.opts().db });
    });

  const filters = (c: Command) =>
    c
      .option('--pair <A,B>', 'a pair of states (ISO3), or one state')
      .option('--actor <name>', 'a participant by name')
      .option('--type <PLOVER>', 'event type, e.g. CONSULT')
      .option('--status <status>', 'occurred, proposed, planned, cancelled, denied, uncertain, hypothetical')
      .option('--from <day>', 'dated on or after')
      .option('--to <day>', 'dated on or before')
      .option('--text <words>', 'words in the record')
      .option('--limit <n>', 'how many');
  program
    .command('analyze')
    .description('analyse the documents not analysed yet and link their events into the events of the database')
    .option('--relink', 'link every event mention again (after a change of the linking rules)')
    .action(async (o: { relink?: boolean }) => {
      code = await analyzeCommand({ db: program.opts().db, relink: o.relink });
    });
  filters(program.command('events').description('list the linked events of the database').option('--json', 'as JSON')).action(async (o) => {
    code = await eventsCommand({ ...o, db: program.opts().db });
  });
  program
    .command('event')
    .description('one event: its accounts, side by side, and their divergences')
    .argument('<id>', 'event id (see `readout events`)')
    .option('--json', 'as JSON')
    .action(async (id: string, o) => {
      code = await eventCommand(id, { ...o, db: program.opts().db });
    });
  filters(
    program
      .command('export')
      .description('export the linked events: jsonl (full records), plover (PLOVER JSON) or csv')
      .requiredOption('--format <format>', 'jsonl | plover | csv')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(async (o) => {
    code = await exportCommand({ ...o, db: program.opts().db });
  });
  program
    .command('relations')
    .description('monthly cooperation–conflict index of a pair of states, each real event counted once')
    .argument('<pair>', 'e.g. USA,RUS')
    .option('--json', 'as JSON')
    .action(async (pair: string, o) => {
      code = await relationsCommand(pair, { ...o, db: program.opts().db });
    });
  program
    .command('outlets')
    .description('per outlet: share of loaded language, of attributed claims, and events covered')
    .option('--json', 'as JSON')
    .action(async (o) => {
      code = await outletsCommand({ ...o, db: program.opts().db });
    });

  program
    .command('serve')
    .description('serve the web UI and the HTTP JSON API (OpenAPI at /openapi.json) on 127.0.0.1; another host needs READOUT_TOKEN')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port', '8470')
    .option('--no-ui', 'the API only, without the web UI')
    .option('--workers <n>', 'processes answering requests (imports still run one at a time)', '1')
    .action(async (o) => {
      code = await serveCommand({ ...o, db: program.opts().db });
    });

  const kb = program.command('kb').description('the knowledge base of people, offices, countries and topics');
  kb.command('import')
    .description('import dated positions from EveryPolitician/Wikidata-style CSV files into the database')
    .argument('<csv...>', 'CSV files (country,position,person,wikidata,start,end,… or slug,position,person,qid,since,…)')
    .action(async (files: string[]) => {
      code = await kbImportCommand(files, { db: program.opts().db });
    });
  kb.command('who')
    .description('who held an office on a day, e.g. `readout kb who Kenya foreign_minister 2019-06-01`')
    .argument('<country>', 'name or ISO3 code')
    .argument('<role>', 'head_of_state, head_of_government, foreign_minister, defence_minister, national_security_adviser, spokesperson, foreign_ministry_spokesperson, un_ambassador')
    .argument('<day>', 'YYYY-MM-DD')
    .action(async (country: string, role: string, day: string) => {
      code = await kbWhoCommand(country, role, day, { db: program.opts().db });
    });

  program
    .command('eval')
    .description('score Readout against the gold data in ../shared and print the figures')
    .argument('[suite]', 'extraction | timex | mentions | events | linking | all', 'all')
    .option('--shared <dir>', 'where the shared data lives', process.env.READOUT_SHARED ?? '../shared')
    .option('--check', 'exit non-zero when a score is below its bar')
    .option('--json', 'print the scores as JSON')
    .action(async (suite: string, o) => {
      code = await evalCommand(suite, o);
    });

  program
    .command('bench')
    .description('measure ingestion throughput and peak memory on the shared 5k sample')
    .option('--shared <dir>', 'where the shared data lives', process.env.READOUT_SHARED ?? '../shared')
    .option('--limit <n>', 'only the first n records')
    .option('--no-load', 'skip the API load test')
    .option('--workers <n>', 'server processes during the load test', '2')
    .action(async (o) => {
      code = await benchCommand(o);
    });

  program
    .command('start')
    .description('build the web UI, ingest the bundled sample corpus when the database is empty, and serve the workbench')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port', '8470')
    .option('--no-serve', 'ingest and print what was found, then exit')
    .action(async (o) => {
      code = await startCommand({ ...o, db: program.opts().db });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    process.stderr.write(`readout: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  return code;
}
