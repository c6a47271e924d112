// GitHub's POST /graphql as the stand-in serves it: the part of GitHub's schema the action reads
// (`viewer`), and errors the way GitHub sends them, always with HTTP 200 and an `errors` array:
// validation errors (graphql-ruby's wording, `extensions.code`, no `data`), and refusals of a
// field (`type: FORBIDDEN`, `path`, `data` with the refused field null; `viewer` is non-null, so
// `data` itself is null). Octokit turns any of these into a GraphqlResponseError, which has no
// HTTP status: code that only looks at `status` cannot tell a refusal from a success.
import { type GraphQLProblem, type Operation, prepare, type Schema, shape } from './graphql-mini.ts';

export interface GraphqlIdentity {
  login: string;
  kind: 'user' | 'installation';
  viewerForbidden?: boolean;
}

export interface GraphqlReply {
  status: number;
  body: unknown;
}

const SCHEMA: Schema = {
  objects: {
    Query: { viewer: { type: 'User!' }, rateLimit: { type: 'RateLimit' } },
    User: { login: { type: 'String!' }, id: { type: 'ID!' }, name: { type: 'String' } },
    RateLimit: { limit: { type: 'Int!' }, remaining: { type: 'Int!' }, cost: { type: 'Int!' } },
  },
  leaves: new Set(['String', 'ID', 'Int', 'Boolean']),
  query: 'Query',
};

/** graphql-ruby's wording and codes for each validation rule, as GitHub answers them. */
function githubError(p: GraphQLProblem): Record<string, unknown> {
  const locations = [p.at];
  switch (p.rule) {
    case 'unknown-field':
      return {
        path: ['query', p.field],
        extensions: { code: 'undefinedField', typeName: p.type, fieldName: p.field },
        locations,
        message: `Field '${p.field}' doesn't exist on type '${p.type}'`,
      };
    case 'leaf-selection':
      return {
        locations,
        message: `Selections can't be made on scalars (field '${p.field}' returns ${p.type} but has selections)`,
      };
    case 'object-without-selection':
      return {
        locations,
        message: `Field must have selections (field '${p.field}' returns ${p.type} but has no selections. Did you mean '${p.field} { ... }'?)`,
      };
    case 'unknown-argument':
      return {
        extensions: {
          code: 'argumentNotAccepted',
          name: p.field,
          typeName: 'Field',
          argumentName: p.argument,
        },
        locations,
        message: `Field '${p.field}' doesn't accept argument '${p.argument}'`,
      };
    case 'undefined-variable':
      return {
        extensions: { code: 'variableNotDefined', variableName: p.argument },
        locations,
        message: `Variable $${p.argument} is used by anonymous query but not declared`,
      };
    case 'unsupported':
      return { locations, message: `the GitHub stand-in does not support ${p.detail}` };
    default:
      return { locations, message: `Parse error: ${p.detail}` };
  }
}

function execute(identity: GraphqlIdentity, op: Operation): GraphqlReply {
  const data: Record<string, unknown> = {};
  const errors: Record<string, unknown>[] = [];
  for (const s of op.selections) {
    if (s.name === 'viewer') {
      if (identity.viewerForbidden) {
        errors.push({
          type: 'FORBIDDEN',
          path: [s.alias],
          extensions: { saml_failure: false },
          locations: [s.at],
          message: 'Resource not accessible by integration',
        });
        // A non-null field that is null makes its parent null: here, all of data.
        return { status: 200, body: { data: null, errors } };
      }
      const viewer = { login: identity.login, id: `U_stand-in-${identity.login}`, name: null };
      data[s.alias] = shape(SCHEMA, 'User', s.selections ?? [], viewer);
    } else if (s.name === 'rateLimit') {
      data[s.alias] = shape(SCHEMA, 'RateLimit', s.selections ?? [], {
        limit: 5000,
        remaining: 4999,
        cost: 1,
      });
    } else if (s.name === '__typename') data[s.alias] = 'Query';
  }
  return { status: 200, body: { data } };
}

export function answerGraphql(
  identity: GraphqlIdentity,
  query: string,
  _variables: Record<string, unknown>,
): GraphqlReply {
  const prepared = prepare(SCHEMA, query ?? '');
  if (Array.isArray(prepared)) return { status: 200, body: { errors: prepared.map(githubError) } };
  if (prepared.kind !== 'query') {
    return { status: 200, body: { errors: [{ message: 'Schema is not configured for mutations' }] } };
  }
  return execute(identity, prepared);
}
