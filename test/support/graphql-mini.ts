// Just enough GraphQL for the stand-ins (Otterize's mapper, GitHub's /graphql) to answer as the
// real servers do: a document is parsed, validated against a schema (fields on their type, leaf
// and object selections, arguments, variables) and executed so that the answer holds exactly the
// fields the selection set asked for, under their aliases. A client that forgets a field gets
// nothing for it, as from a real server. Fragments and directives are not supported (our clients
// send neither): a document with them is refused, loudly, as a stand-in limit.

export interface FieldDef {
  /** GraphQL type reference: `String!`, `[Intent!]!`, `GroupVersionKind`. */
  type: string;
  args?: Record<string, string>;
}

export interface Schema {
  objects: Record<string, Record<string, FieldDef>>;
  /** Scalars and enums: leaves, selected without subfields. */
  leaves: Set<string>;
  query: string;
  mutation?: string;
}

export interface Location {
  line: number;
  column: number;
}

export interface Selection {
  alias: string;
  name: string;
  args: Record<string, unknown>;
  selections: Selection[] | undefined;
  at: Location;
}

export interface Operation {
  kind: 'query' | 'mutation';
  variables: Set<string>;
  selections: Selection[];
}

/** A problem found before execution; `rule` names the validation rule, for each server's wording. */
export interface GraphQLProblem {
  rule:
    | 'parse'
    | 'unknown-field'
    | 'leaf-selection'
    | 'object-without-selection'
    | 'unknown-argument'
    | 'undefined-variable'
    | 'unsupported';
  at: Location;
  /** What the rule is about: field, type, argument or variable names. */
  field?: string;
  type?: string;
  argument?: string;
  detail?: string;
}

const VARIABLE = Symbol('variable');
type VariableRef = { [VARIABLE]: string };

interface Token {
  kind: 'punct' | 'name' | 'number' | 'string' | 'end';
  text: string;
  at: Location;
}

function tokenize(text: string): Token[] | GraphQLProblem {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const here = (): Location => ({ line, column: i - lineStart + 1 });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      lineStart = i;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (text.startsWith('...', i)) {
      tokens.push({ kind: 'punct', text: '...', at: here() });
      i += 3;
    } else if ('!$()[]{}:=@|'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at: here() });
      i++;
    } else if (/[_A-Za-z]/.test(c)) {
      const m = /^[_A-Za-z][_0-9A-Za-z]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'name', text: m[0], at: here() });
      i += m[0].length;
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (m === null) return { rule: 'parse', at: here(), detail: `Unexpected character "${c}"` };
      tokens.push({ kind: 'number', text: m[0], at: here() });
      i += m[0].length;
    } else if (c === '"') {
      const m = /^"((?:[^"\\\n]|\\.)*)"/.exec(text.slice(i));
      if (m === null) return { rule: 'parse', at: here(), detail: 'Unterminated string' };
      tokens.push({ kind: 'string', text: JSON.parse(m[0]) as string, at: here() });
      i += m[0].length;
    } else return { rule: 'parse', at: here(), detail: `Unexpected character "${c}"` };
  }
  tokens.push({ kind: 'end', text: '<EOF>', at: here() });
  return tokens;
}

class Parser {
  private i = 0;
  readonly variables = new Set<string>();
  readonly used: { name: string; at: Location }[] = [];
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private fail(detail: string, token = this.peek()): never {
    throw { rule: 'parse', at: token.at, detail } satisfies GraphQLProblem;
  }
  private expect(text: string): Token {
    const t = this.next();
    if (t.text !== text || (t.kind !== 'punct' && t.kind !== 'name'))
      this.fail(`Expected ${text}, found ${t.text}`, t);
    return t;
  }
  private name(): string {
    const t = this.next();
    if (t.kind !== 'name') this.fail(`Expected Name, found ${t.text}`, t);
    return t.text;
  }

  operation(): Operation {
    let kind: Operation['kind'] = 'query';
    const first = this.peek();
    if (first.kind === 'name') {
      if (first.text !== 'query' && first.text !== 'mutation') {
        if (first.text === 'fragment' || first.text === 'subscription')
          throw { rule: 'unsupported', at: first.at, detail: first.text } satisfies GraphQLProblem;
        this.fail(`Unexpected Name "${first.text}"`);
      }
      kind = this.next().text as Operation['kind'];
      if (this.peek().kind === 'name') this.next();
      if (this.peek().text === '(') this.variableDefinitions();
    }
    if (this.peek().text === '@') throw { rule: 'unsupported', at: this.peek().at, detail: 'directives' };
    const selections = this.selectionSet();
    if (this.peek().kind !== 'end') {
      throw {
        rule: 'unsupported',
        at: this.peek().at,
        detail: 'several definitions',
      } satisfies GraphQLProblem;
    }
    return { kind, variables: this.variables, selections };
  }

  private variableDefinitions(): void {
    this.expect('(');
    while (this.peek().text !== ')') {
      this.expect('$');
      this.variables.add(this.name());
      this.expect(':');
      this.typeRef();
      if (this.peek().text === '=') {
        this.next();
        this.value();
      }
    }
    this.expect(')');
  }

  private typeRef(): void {
    if (this.peek().text === '[') {
      this.next();
      this.typeRef();
      this.expect(']');
    } else this.name();
    if (this.peek().text === '!') this.next();
  }

  private selectionSet(): Selection[] {
    this.expect('{');
    const out: Selection[] = [];
    do {
      const t = this.peek();
      if (t.text === '...')
        throw { rule: 'unsupported', at: t.at, detail: 'fragments' } satisfies GraphQLProblem;
      if (t.text === '}') this.fail('Expected Name, found }');
      out.push(this.field());
    } while (this.peek().text !== '}');
    this.expect('}');
    return out;
  }

  private field(): Selection {
    const at = this.peek().at;
    const alias = this.name();
    let name = alias;
    if (this.peek().text === ':') {
      this.next();
      name = this.name();
    }
    const args: Record<string, unknown> = {};
    if (this.peek().text === '(') {
      this.next();
      while (this.peek().text !== ')') {
        const arg = this.name();
        this.expect(':');
        args[arg] = this.value();
      }
      this.expect(')');
    }
    if (this.peek().text === '@') throw { rule: 'unsupported', at: this.peek().at, detail: 'directives' };
    const selections = this.peek().text === '{' ? this.selectionSet() : undefined;
    return { alias, name, args, selections, at };
  }

  private value(): unknown {
    const t = this.next();
    if (t.text === '$' && t.kind === 'punct') {
      const at = this.peek().at;
      const name = this.name();
      this.used.push({ name, at });
      return { [VARIABLE]: name } satisfies VariableRef;
    }
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'string') return t.text;
    if (t.kind === 'name')
      return t.text === 'true' ? true : t.text === 'false' ? false : t.text === 'null' ? null : t.text;
    if (t.text === '[') {
      const list: unknown[] = [];
      while (this.peek().text !== ']') list.push(this.value());
      this.next();
      return list;
    }
    if (t.text === '{') {
      const obj: Record<string, unknown> = {};
      while (this.peek().text !== '}') {
        const key = this.name();
        this.expect(':');
        obj[key] = this.value();
      }
      this.next();
      return obj;
    }
    return this.fail(`Unexpected ${t.text}`, t);
  }
}

/** `[Intent!]!` -> `Intent`. */
export function namedType(ref: string): string {
  return ref.replace(/[[\]!]/g, '');
}

function validate(schema: Schema, type: string, selections: Selection[], problems: GraphQLProblem[]): void {
  const fields = schema.objects[type] ?? {};
  for (const s of selections) {
    if (s.name === '__typename') continue;
    const def = fields[s.name];
    if (def === undefined) {
      problems.push({ rule: 'unknown-field', at: s.at, field: s.name, type });
      continue;
    }
    for (const arg of Object.keys(s.args)) {
      if (def.args?.[arg] === undefined) {
        problems.push({ rule: 'unknown-argument', at: s.at, field: s.name, type, argument: arg });
      }
    }
    const leaf = schema.leaves.has(namedType(def.type));
    if (leaf && s.selections !== undefined) {
      problems.push({ rule: 'leaf-selection', at: s.at, field: s.name, type: def.type });
    } else if (!leaf && s.selections === undefined) {
      problems.push({ rule: 'object-without-selection', at: s.at, field: s.name, type: def.type });
    } else if (!leaf) validate(schema, namedType(def.type), s.selections!, problems);
  }
}

/** Parses and validates; the operation, or every problem found (parse problems alone). */
export function prepare(schema: Schema, document: string): Operation | GraphQLProblem[] {
  const tokens = tokenize(document);
  if (!Array.isArray(tokens)) return [tokens];
  const parser = new Parser(tokens);
  let op: Operation;
  try {
    op = parser.operation();
  } catch (problem) {
    if (typeof problem === 'object' && problem !== null && 'rule' in problem)
      return [problem as GraphQLProblem];
    throw problem;
  }
  const root = op.kind === 'query' ? schema.query : schema.mutation;
  if (root === undefined) return [{ rule: 'unsupported', at: { line: 1, column: 1 }, detail: `${op.kind}s` }];
  const problems: GraphQLProblem[] = [];
  validate(schema, root, op.selections, problems);
  for (const use of parser.used) {
    if (!op.variables.has(use.name))
      problems.push({ rule: 'undefined-variable', at: use.at, argument: use.name });
  }
  return problems.length > 0 ? problems : op;
}

/** Argument values with variables filled in. */
export function argumentsOf(s: Selection, variables: Record<string, unknown>): Record<string, unknown> {
  const fill = (v: unknown): unknown => {
    if (v !== null && typeof v === 'object' && VARIABLE in v)
      return variables[(v as VariableRef)[VARIABLE]] ?? null;
    if (Array.isArray(v)) return v.map(fill);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(s.args) as Record<string, unknown>;
}

/** The value shaped by the selection set: only the selected fields, under their aliases. */
export function shape(schema: Schema, type: string, selections: Selection[], value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => shape(schema, type, selections, v));
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const s of selections) {
    if (s.name === '__typename') {
      out[s.alias] = type;
      continue;
    }
    const def = schema.objects[type]![s.name]!;
    const v = record[s.name];
    out[s.alias] =
      s.selections === undefined ? (v ?? null) : shape(schema, namedType(def.type), s.selections, v);
  }
  return out;
}
