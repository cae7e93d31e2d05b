/**
 * Rewrites a parsed template so that every value printed is escaped for block text and every
 * variable looked up must exist, then checks what the clause library forbids.
 *
 * - `{{x.y}}` becomes `{{{_esc x.y path="x.y"}}}`; `{{de partner.name}}` becomes
 *   `{{{_esc (de (_def partner.name path="partner.name"))}}}`.
 * - Every path given to a helper, a block helper or a partial is wrapped in
 *   `(_def path path="…")`, which fails on an unknown variable: Handlebars' strict mode alone
 *   does not check helper arguments (`{{#if partner.typo}}` would silently be false).
 * - `{{{ }}}` (unescaped output), decorators and dynamic partial names are refused, and every
 *   partial called must exist.
 */
import type {} from 'handlebars';
import { TemplateError, placeOf } from './errors.js';
import { SOURCE_HELPER } from './provenance.js';

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type Hash = hbs.AST.Hash;
type SourceLocation = hbs.AST.SourceLocation;

/** Names of the internal helpers the rewrite calls. */
export const ESCAPE_HELPER = '_esc';
export const DEFINED_HELPER = '_def';

function path(name: string, loc: SourceLocation): hbs.AST.PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc } as hbs.AST.PathExpression;
}

function pathHash(original: string, loc: SourceLocation): Hash {
  const value = { type: 'StringLiteral', value: original, original, loc } as hbs.AST.StringLiteral;
  return { type: 'Hash', pairs: [{ type: 'HashPair', key: 'path', value, loc } as hbs.AST.HashPair], loc };
}

function sexpr(name: string, params: Expression[], hash: Hash | undefined, loc: SourceLocation): hbs.AST.SubExpression {
  return { type: 'SubExpression', path: path(name, loc), params, hash, loc } as unknown as hbs.AST.SubExpression;
}

function isPath(node: Node): node is hbs.AST.PathExpression {
  return node.type === 'PathExpression';
}

/**
 * `a.b.c` → `(lookup (lookup a "b") "c")`: a missing intermediate object gives `undefined`
 * (reported with the template line by `_def` / `_esc`) instead of a TypeError without a place.
 */
function safePath(node: hbs.AST.PathExpression): Expression {
  if (node.parts.length <= 1) return node;
  const [first, ...rest] = node.parts as string[];
  const prefix = `${node.data ? '@' : ''}${'../'.repeat(node.depth)}${/^this\b|^\./.test(node.original) ? 'this.' : ''}`;
  let expr: Expression = { ...node, parts: [first ?? ''], original: `${prefix}${first ?? ''}` } as hbs.AST.PathExpression;
  for (const part of rest) {
    const key = { type: 'StringLiteral', value: part, original: part, loc: node.loc } as hbs.AST.StringLiteral;
    expr = sexpr('lookup', [expr, key], undefined, node.loc);
  }
  return expr;
}

/** Wraps a value given to a helper so that an unknown variable fails. */
function guard(node: Expression): Expression {
  if (isPath(node)) return sexpr(DEFINED_HELPER, [safePath(node)], pathHash(node.original, node.loc), node.loc);
  if (node.type === 'SubExpression') return guardCall(node as hbs.AST.SubExpression);
  return node;
}

function guardHash(hash: Hash | undefined): Hash | undefined {
  if (!hash) return hash;
  return { ...hash, pairs: hash.pairs.map((p) => ({ ...p, value: guard(p.value) })) };
}

function guardCall<T extends { params: Expression[]; hash: Hash }>(node: T): T {
  return { ...node, params: node.params.map(guard), hash: guardHash(node.hash) as Hash };
}

export interface RewriteContext {
  /** Helpers registered in the environment: `{{name}}` is a call, not a lookup. */
  readonly helpers: ReadonlySet<string>;
  /** Partial names available. */
  readonly partials: ReadonlySet<string>;
  /**
   * The template file, relative to the templates folder (« partials/article-suivi.hbs »): when
   * given, the program is wrapped in `{{_src "…"}}` … `{{_src}}` for provenance (provenance.ts).
   */
  readonly source?: string;
}

function fail(message: string, loc: SourceLocation | undefined): never {
  throw new TemplateError(message, placeOf(loc));
}

function rewriteMustache(node: hbs.AST.MustacheStatement, ctx: RewriteContext): hbs.AST.MustacheStatement {
  if (!node.escaped) {
    fail('« {{{ … }}} » interdit : toute valeur doit être échappée pour le texte à blocs (utilisez « {{ … }} »)', node.loc);
  }
  const head = node.path;
  const isCall =
    node.params.length > 0 ||
    (node.hash?.pairs.length ?? 0) > 0 ||
    (isPath(head) && head.parts.length === 1 && !head.data && ctx.helpers.has(head.original));
  let params: Expression[];
  let hash: Hash | undefined;
  if (isCall) {
    if (!isPath(head)) fail('appel de helper invalide', node.loc);
    params = [sexpr(head.original, node.params.map(guard), guardHash(node.hash), node.loc)];
  } else {
    params = [isPath(head) ? safePath(head) : (head as Expression)];
    hash = isPath(head) ? pathHash(head.original, node.loc) : undefined;
  }
  return { ...node, path: path(ESCAPE_HELPER, node.loc), params, hash: hash as Hash, escaped: false } as hbs.AST.MustacheStatement;
}

function rewriteProgram(program: hbs.AST.Program, ctx: RewriteContext): hbs.AST.Program {
  return { ...program, body: program.body.map((s) => rewriteStatement(s, ctx)) };
}

function rewriteStatement(node: hbs.AST.Statement, ctx: RewriteContext): hbs.AST.Statement {
  switch (node.type) {
    case 'MustacheStatement':
      return rewriteMustache(node as hbs.AST.MustacheStatement, ctx);
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      if (!isPath(block.path) || !ctx.helpers.has(block.path.original)) {
        fail(`bloc « {{#${isPath(block.path) ? block.path.original : '…'}}} » : seuls les helpers de bloc connus sont admis (if, unless, each, with…)`, block.loc);
      }
      return {
        ...guardCall(block),
        program: block.program ? rewriteProgram(block.program, ctx) : block.program,
        inverse: block.inverse ? rewriteProgram(block.inverse, ctx) : block.inverse,
      } as hbs.AST.BlockStatement;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement': {
      const partial = node as hbs.AST.PartialStatement;
      if (!isPath(partial.name as Node)) fail('nom de partiel dynamique interdit', partial.loc);
      const name = (partial.name as hbs.AST.PathExpression).original;
      if (!ctx.partials.has(name)) fail(`partiel introuvable « ${name} »`, partial.loc);
      if (node.type === 'PartialBlockStatement') fail('bloc de partiel « {{#> … }} » non admis', partial.loc);
      return guardCall(partial) as hbs.AST.Statement;
    }
    case 'DecoratorBlock':
    case 'Decorator':
      return fail('décorateurs Handlebars non admis', node.loc);
    default:
      return node;
  }
}

/** Rewrites a parsed template (see the module comment). @throws TemplateError */
export function rewriteTemplate(program: hbs.AST.Program, ctx: RewriteContext): hbs.AST.Program {
  const rewritten = rewriteProgram(program, ctx);
  if (ctx.source === undefined) return rewritten;
  // Inserted after Handlebars' whitespace pass (done by parse): standalone lines are unchanged.
  const loc = program.loc;
  const literal = { type: 'StringLiteral', value: ctx.source, original: ctx.source, loc } as hbs.AST.StringLiteral;
  const mark = (params: Expression[]): hbs.AST.MustacheStatement =>
    ({ type: 'MustacheStatement', path: path(SOURCE_HELPER, loc), params, hash: undefined, escaped: false, strip: { open: false, close: false }, loc }) as unknown as hbs.AST.MustacheStatement;
  return { ...rewritten, body: [mark([literal]), ...rewritten.body, mark([])] };
}
