/** The OpenAPI 3.1 description of the API (served at /openapi.json). Kept beside the routes it describes. */
const page = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const error = { description: 'bad parameters', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export const openapi = {
  openapi: '3.1.0',
  info: { title: 'Readout API', version: '0.1.0', description: 'Diplomatic events read from news, with their evidence, accounts and divergences.' },
  paths: {
    '/api/documents': { get: { summary: 'List or search documents', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' }, description: 'full-text search' }, ...page], responses: { 200: { description: 'documents' }, 400: error } } },
    '/api/documents/{id}': { get: { summary: 'A document with its annotations (sentences, mentions, times, quotes, events)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'document' }, 400: error, 404: error } } },
    '/api/events': {
      get: {
        summary: 'Linked events, latest first',
        parameters: [
          { name: 'pair', in: 'query', schema: { type: 'string' }, description: 'one or two ISO3 codes, e.g. USA,RUS' },
          { name: 'actor', in: 'query', schema: { type: 'string' } },
          { name: 'type', in: 'query', schema: { type: 'string' }, description: 'PLOVER type' },
          { name: 'status', in: 'query', schema: { type: 'string' } },
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'q', in: 'query', schema: { type: 'string' } },
          ...page,
        ],
        responses: { 200: { description: 'events' }, 400: error },
      },
    },
    '/api/events/{id}': { get: { summary: 'An event with its accounts and divergences', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'event' }, 400: error, 404: error } } },
    '/api/relations': { get: { summary: 'Monthly cooperation–conflict index of a pair of states', parameters: [{ name: 'pair', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'months' }, 400: error } } },
    '/api/outlets': { get: { summary: 'Outlet profiles', responses: { 200: { description: 'outlets' } } } },
  },
  components: {
    schemas: { Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } } },
    securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'READOUT_TOKEN, required when the server binds beyond 127.0.0.1' } },
  },
} as const;
