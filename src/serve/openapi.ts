/** The OpenAPI 3.1 description of the API (served at /openapi.json). Kept beside the routes it describes. */
const page = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const q = (name: string, description: string, extra: Record<string, unknown> = {}) => ({ name, in: 'query', schema: { type: 'string', ...extra }, description });
const id = (description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description });
const error = { description: 'bad parameters', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const eventFilters = [
  q('pair', 'one or two ISO3 codes, e.g. USA,RUS'),
  q('actor', 'a participant by name'),
  q('type', 'PLOVER type, e.g. CONSULT'),
  q('status', 'occurred, planned, proposed, cancelled, denied, uncertain, hypothetical'),
  q('outlet', 'reported by this outlet'),
  q('from', 'dated on or after', { format: 'date' }),
  q('to', 'dated on or before', { format: 'date' }),
  q('q', 'words in the record'),
];

export const openapi = {
  openapi: '3.1.0',
  info: { title: 'Readout API', version: '0.2.0', description: 'Diplomatic events read from news, with their evidence, accounts and divergences. Lists are paginated: `more` says another page follows.' },
  paths: {
    '/api/stats': { get: { summary: 'Counts of documents, analyses, events and quotes', responses: { 200: ok('counts') } } },
    '/api/documents': { get: { summary: 'List or search documents', parameters: [q('q', 'full-text search'), ...page], responses: { 200: ok('documents'), 400: error } } },
    '/api/documents/{id}': { get: { summary: 'A document with its annotations (sentences, mentions, times, quotes, events) and the linked events its events belong to', parameters: [id('document id (hexadecimal)')], responses: { 200: ok('document'), 400: error, 404: error } } },
    '/api/events': { get: { summary: 'Linked events, latest first', parameters: [...eventFilters, ...page], responses: { 200: ok('events'), 400: error } } },
    '/api/timeline': { get: { summary: 'Linked events per month and PLOVER type, for the same filters as /api/events', parameters: eventFilters, responses: { 200: ok('counts'), 400: error } } },
    '/api/events/{id}': { get: { summary: 'An event with its accounts and divergences', parameters: [id('ev- followed by 12 hex digits')], responses: { 200: ok('event'), 400: error, 404: error } } },
    '/api/actors': { get: { summary: 'People of the knowledge base, most events first', parameters: [q('q', 'part of a name'), q('country', 'ISO3'), ...page], responses: { 200: ok('actors'), 400: error } } },
    '/api/actors/{id}': { get: { summary: 'A person: offices over time, events and quotations', parameters: [id('Wikidata id or slug')], responses: { 200: ok('actor'), 400: error, 404: error } } },
    '/api/quotes': { get: { summary: 'Quotations with their speakers', parameters: [q('speaker', 'part of the speaker name'), q('country', 'ISO3 of the speaker'), q('document', 'document id'), q('q', 'words in the quotation'), ...page], responses: { 200: ok('quotes'), 400: error } } },
    '/api/pairs': { get: { summary: 'Pairs of states, most linked events first', parameters: page, responses: { 200: ok('pairs'), 400: error } } },
    '/api/relations': { get: { summary: 'Monthly cooperation–conflict index of a pair of states', parameters: [{ ...q('pair', 'two ISO3 codes, e.g. USA,RUS'), required: true }], responses: { 200: ok('months'), 400: error } } },
    '/api/outlets': { get: { summary: 'Outlet profiles (share of loaded language, of attributed events; events covered), or with ?names only the outlets and their document counts', parameters: [q('names', 'present: names and counts only'), ...page], responses: { 200: ok('outlets'), 400: error } } },
    '/api/export': { get: { summary: 'Download linked events', parameters: [q('format', 'jsonl, plover or csv', { enum: ['jsonl', 'plover', 'csv'] }), ...eventFilters], responses: { 200: { description: 'a file' }, 400: error } } },
    '/api/import': {
      post: {
        summary: 'Import articles: multipart files (field "files"), or a raw body named by ?name=',
        parameters: [q('name', 'file name of a raw body; its extension decides how it is read (.jsonl, .html, .txt …)')],
        requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        responses: { 202: ok('the import job'), 400: error, 413: error, 503: error },
      },
      get: { summary: 'Imports of this server run, latest first', parameters: page, responses: { 200: ok('jobs'), 400: error } },
    },
    '/api/import/{id}': { get: { summary: 'Progress of an import', parameters: [id('import id')], responses: { 200: ok('job'), 404: error } } },
  },
  components: {
    schemas: { Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } } },
    securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'READOUT_TOKEN, required when the server binds beyond 127.0.0.1' } },
  },
} as const;
