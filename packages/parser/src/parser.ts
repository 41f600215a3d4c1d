import {
  EmbeddedActionsParser,
  getLookaheadPaths,
  type IOrAlt,
  type ISyntacticContentAssistPath,
  type IToken,
  type ParserMethod,
  type TokenType,
} from "chevrotain";
import type {
  Attribute,
  Block,
  BlockLabel,
  Comment,
  Expression,
  File,
  Identifier,
  ObjectField,
  Statement,
} from "./ast.js";
import type { Diagnostic } from "./diagnostics.js";
import { mapRanges } from "./map-ranges.js";
import { LineIndex, endOffset, startOffset, utf8Length, type Position, type Range } from "./positions.js";
import { Scanner, type ScanError, type TokenTable } from "./scanner.js";
import { decodeString, goQuote, isValidIdentifier } from "./strings.js";
import {
  BinaryOperator,
  KIND_TOKENS,
  Literal,
  TOKEN_TYPES,
  Tok,
  UnaryOperator,
  VOCABULARY,
  binaryPrecedence,
  tokenName,
  type BinaryOperator as BinaryOperatorSpelling,
} from "./tokens.js";

/**
 * How deep constructs may nest. Each of these opens one level: a block's body, the inside of `( )`, `[ ]` and
 * `{ }`, a call's arguments, an index; and in a chain, each prefix operator (`!`, `-`), each binary operator
 * and each `.name`, `[index]` or `(arguments)` adds one level to what follows it. Where a construct would open
 * level 251, the parser reports `parse/nesting-too-deep` and skips it (up to the end of the enclosing bracket,
 * list item or statement). The depth is counted, so the limit is the same whatever the state of the
 * JavaScript engine; it leaves room to spare on Node's default stack even for code that is not optimized.
 */
export const MAX_NESTING_DEPTH = 250;

const enum ListPhase {
  /** At the start of a list, or after a separator: an item may come. */
  Start,
  /** After an item: a separator or the end of the list may come. */
  AfterItem,
}

export interface ParseOptions {
  /** Used in `File.filename` and by callers formatting diagnostics. Defaults to `"<input>"`. */
  readonly filename?: string;
  /**
   * Where the text starts in the file it is embedded in (Alloy in a Helm values file, a ConfigMap, Markdown):
   * every range of the result (nodes, comments, diagnostics) is shifted so that its positions are the
   * host file's. `offset` 0-based, `line` and `column` 1-based, as {@link Position}: the text's first line
   * starts at `column`, the others at column 1. The result's `lineIndex` still describes `text` alone.
   */
  readonly start?: Position;
}

/** What {@link parseExpression} gives. */
export interface ExpressionParseResult {
  /** The expression; a `BadExpression` (or a partial tree) when there are error diagnostics. */
  readonly expression: Expression;
  /** The comments of the text, in source order. */
  readonly comments: Comment[];
  /** Lexical and syntax errors, as Alloy's `parser.ParseExpression` reports them. */
  readonly diagnostics: Diagnostic[];
  readonly lineIndex: LineIndex;
}

export interface ParseResult {
  /** The AST; partial when there are error diagnostics. */
  readonly ast: File;
  /** Lexical and syntax errors in the order Alloy reports them. Empty for a valid file. */
  readonly diagnostics: Diagnostic[];
  /** Offset ↔ line/column conversion for the parsed text. */
  readonly lineIndex: LineIndex;
}

/** What {@link parseSlice} gives: the slice's top-level statements, comments and diagnostics. @internal */
export interface SliceResult {
  readonly body: Statement[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

/** The grammar of a comma-separated list (see `AlloyParser.commaListOf`). */
interface CommaList {
  readonly occurrence: number;
  readonly items: () => void;
  readonly missingComma: string;
  readonly badItem: () => unknown;
}

/** `a.b.c "label"`, read by `statement` before it knows whether an attribute or a block follows. */
interface StatementHead {
  readonly first: number;
  readonly parts: Identifier[];
  /** How many parts the name has for Alloy, counting those that were not identifiers (and are not in `parts`). */
  readonly fragments: number;
  readonly label: BlockLabel | undefined;
}

// The token types the grammar consumes.
const AssignToken = TOKEN_TYPES[Tok.ASSIGN];
const CommaToken = TOKEN_TYPES[Tok.COMMA];
const DotToken = TOKEN_TYPES[Tok.DOT];
const IdentToken = TOKEN_TYPES[Tok.IDENT];
const LBrackToken = TOKEN_TYPES[Tok.LBRACK];
const LCurlyToken = TOKEN_TYPES[Tok.LCURLY];
const LParenToken = TOKEN_TYPES[Tok.LPAREN];
const StringToken = TOKEN_TYPES[Tok.STRING];
const TerminatorToken = TOKEN_TYPES[Tok.TERMINATOR];

/** The tokens that end `missingExpression`'s skip, as Alloy's `statementEnd`. */
const STATEMENT_END = new Uint8Array(Tok.TERMINATOR + 1);
for (const kind of [Tok.TERMINATOR, Tok.RPAREN, Tok.RCURLY, Tok.RBRACK, Tok.COMMA]) STATEMENT_END[kind] = 1;

/** The kinds of tokens that `paths` (from Chevrotain's lookahead) can start with, as a table by kind. */
function firstKinds(paths: readonly (readonly (readonly TokenType[])[])[]): Uint8Array {
  const table = new Uint8Array(TOKEN_TYPES.length);
  for (const alternative of paths) {
    for (const path of alternative) {
      const type = path[0];
      if (type === undefined) continue;
      TOKEN_TYPES.forEach((kindType, kind) => {
        if (kindType === type || type.categoryMatchesMap?.[kindType.tokenTypeIdx!]) table[kind] = 1;
      });
    }
  }
  return table;
}

const BLOCK_BODY = { ARGS: [true] as [boolean] };

/**
 * Alloy's grammar as a Chevrotain parser whose actions build the AST. The grammar is the one Alloy's own
 * parser follows, LL(1) throughout; `docs/grammar.html` draws it.
 *
 * Chevrotain chooses every alternative and repetition of valid input. Where Alloy's parser reports an error
 * and recovers (an unexpected token, a missing comma or terminator), the rules take over by hand at the
 * point where Chevrotain finds no way on: they report Alloy's message at Alloy's position and skip what
 * Alloy skips, so the list of errors is Alloy's, then give the parse back to the grammar. Chevrotain's
 * own recovery is off and nothing is ever thrown.
 *
 * Tokens come from {@link Scanner}, Alloy's scanner: the token vector holds one shared token object per kind,
 * and positions are read from the scanner's arrays by token index. One instance parses every text.
 */
export class AlloyParser extends EmbeddedActionsParser {
  /** Chevrotain's index of the last consumed token: the current token is `currIdx + 1`. */
  declare currIdx: number;

  private readonly scanner = new Scanner();
  private tokens!: TokenTable;
  private kinds!: Uint8Array;
  private starts!: Int32Array;
  private ends!: Int32Array;
  private lines!: Int32Array;
  /** The token vector (see `begin`). */
  private vector: IToken[] = [];
  /** The scanned text: the whole text, or for `parseSlice` a copy of the slice (see {@link scanBase}). */
  private text = "";
  private lineIndex!: LineIndex;
  /** The index of the last token (EOF). */
  private lastToken = 0;
  /**
   * Where the scanned text (`text`) starts in the document: 0 for a whole text, the slice's start for
   * `parseSlice`. Token offsets are the document's; the scanner's error offsets and the comments' are the
   * scanned text's.
   */
  private scanBase = 0;
  private lastErrorLine = -1;
  private depth = 0;
  private diagnostics: Diagnostic[] = [];
  /** For each diagnostic, the token that was current when it was reported (scanner errors are merged by it). */
  private reportedAt: number[] = [];
  /**
   * One stack shared by every list being built (statements, name parts, elements, fields, arguments, a chain's
   * operands): a list pushes its items from `listTop`, and once complete is copied out exact-size and popped.
   * Nested lists are complete before their parent pushes the next item, so each list's items stay contiguous.
   */
  private readonly listStack: unknown[] = [];
  private listTop = 0;
  /** Where the list being parsed is (set by the grammar's list actions, read when Chevrotain stops). */
  private phase = ListPhase.Start;
  /** Whether the last top-level statement was followed by a TERMINATOR (see `parseSlice`). */
  private terminated = true;
  /** The expression a postfix chain is built on, between Chevrotain's repetitions. */
  private chainValue: Expression = undefined!;
  /** Parts of the block name being parsed that were not identifiers. */
  private badNameParts = 0;
  /** The statement head being parsed, read by the attribute and block alternatives. */
  private head: StatementHead = undefined!;

  /** Kinds that start an alternative of a primary expression, of a statement's rest, of a field's key. */
  private primaryStart: Uint8Array;
  private statementRestStart: Uint8Array;
  private fieldKeyStart: Uint8Array;
  /**
   * Kinds that start a repetition or option that most texts skip (prefix operators, postfix operations, binary
   * operators, block name parts, labels): the same LL(1) sets Chevrotain's lookahead uses, read from the
   * grammar, so that the common case of "none here" costs a table lookup instead of a call into Chevrotain.
   */
  private prefixStart: Uint8Array;
  private postfixStart: Uint8Array;
  private binaryStart: Uint8Array;
  private namePartStart: Uint8Array;
  private labelStart: Uint8Array;

  constructor(options: { validate?: boolean } = {}) {
    super(VOCABULARY, { maxLookahead: 1, recoveryEnabled: false, skipValidations: !options.validate });
    // Chevrotain records the grammar by running each rule once: the actions then run on an empty text.
    const empty = this.scanner.scan("");
    this.useTokens(empty, "", new LineIndex("", empty.lineStarts));
    this.performSelfAnalysis();
    this.end();
    const rules = this.getGAstProductions();
    // For an alternation, the paths of each alternative; for a repetition or an option, the paths into it
    // (then the paths past it, left out).
    const first = (rule: string, prodType: "Alternation" | "Repetition" | "Option" = "Alternation", occurrence = 0) => {
      const paths = getLookaheadPaths({ occurrence, rule: rules[rule], prodType, maxLookahead: 1 });
      return firstKinds(prodType === "Alternation" ? paths : paths.slice(0, 1));
    };
    this.primaryStart = first("operand");
    this.statementRestStart = first("statement");
    this.fieldKeyStart = first("field");
    this.prefixStart = first("operand", "Repetition", 0);
    this.postfixStart = first("operand", "Repetition", 2);
    this.binaryStart = first("expression", "Repetition", 3);
    this.namePartStart = first("statement", "Repetition", 0);
    this.labelStart = first("statement", "Option", 0);
  }

  // The grammar

  /** file = body */
  readonly file = this.RULE("file", (): Statement[] => this.SUBRULE(this.body));

  /** body = [ statement { TERMINATOR [ statement ] } ], with Alloy's recovery. */
  readonly body = this.RULE("body", (insideBlock?: boolean): Statement[] => {
    const base = this.listTop;
    const until = insideBlock ? Tok.RCURLY : Tok.EOF;
    this.terminated = true;
    for (;;) {
      this.phase = ListPhase.Start;
      this.OPTION(this.statements);
      if (this.RECORDING_PHASE || !this.recoverInBody(until)) break;
    }
    return this.takeList(base);
  });

  private readonly statements = (): void => {
    this.addStatement(this.SUBRULE(this.statement));
    this.MANY(this.nextStatement);
  };

  private readonly nextStatement = (): void => {
    this.CONSUME(TerminatorToken);
    this.phase = ListPhase.Start;
    this.terminated = true;
    this.OPTION2(this.anotherStatement);
  };

  private readonly anotherStatement = (): void => {
    this.addStatement(this.SUBRULE2(this.statement));
  };

  /**
   * statement = IDENT { "." IDENT } [ STRING ] ( "=" expression | "{" body "}" ): the head of a block, or an
   * attribute's name (whose dots and label Alloy rejects in the action).
   */
  readonly statement = this.RULE("statement", (): Statement | undefined => {
    const first = this.current;
    this.CONSUME(IdentToken);
    const base = this.listTop;
    this.pushItem(this.identifierAt(first));
    this.badNameParts = 0;
    if (this.RECORDING_PHASE || this.namePartStart[this.kind] === 1) this.MANY(this.namePart);
    const fragments = this.listTop - base + this.badNameParts;
    const parts = this.takeList<Identifier>(base);

    let label = this.RECORDING_PHASE || this.labelStart[this.kind] === 1 ? this.OPTION(this.labelString) : undefined;
    if (this.RECORDING_PHASE) label = undefined;
    else if (label === undefined && this.statementRestStart[this.kind] === 0) {
      this.unexpected("block label");
      this.next();
    }

    if (!this.RECORDING_PHASE && this.statementRestStart[this.kind] === 0) {
      // Like Alloy, an empty label (`""`, or an unterminated `"`) still allows an attribute.
      const couldBeAttribute = fragments === 1 && (label === undefined || utf8Length(label.raw) <= 2);
      this.unexpected(couldBeAttribute ? "attribute assignment or block body" : "block body");
      this.advanceTo(Tok.IDENT);
      return undefined;
    }
    this.head = { first, parts, fragments, label };
    return this.OR(this.statementRest);
  });

  private readonly namePart = (): void => {
    this.CONSUME(DotToken);
    const at = this.current;
    if (this.RECORDING_PHASE || this.kind === Tok.IDENT) {
      this.CONSUME2(IdentToken);
      this.pushItem(this.identifierAt(at));
    } else {
      // Alloy reports it, takes the token as a part of the name and goes on.
      this.unexpected("identifier");
      this.next();
      this.badNameParts++;
    }
  };

  private readonly labelString = (): BlockLabel => {
    // Checked while the label is the current token, as Alloy checks it.
    const label = this.blockLabel(this.current);
    this.CONSUME(StringToken);
    return label;
  };

  private readonly statementRest: IOrAlt<Statement | undefined>[] = [
    { ALT: () => this.attribute() },
    { ALT: () => this.block() },
  ];

  /** `= expression` after an attribute's name. */
  private attribute(): Attribute {
    const { first, parts, fragments, label } = this.head;
    this.CONSUME(AssignToken);
    if (fragments !== 1) {
      this.addErrorAt(
        "parse/invalid-attribute-name",
        'attribute names may only consist of a single identifier with no "."',
        this.cover(parts[0].range, parts[parts.length - 1].range),
      );
    } else if (label !== undefined) {
      this.addErrorAt("parse/invalid-attribute-name", "attribute names may not have labels", label.range);
    }
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return value as never;
    return {
      kind: "Attribute",
      name: parts[0],
      value,
      range: this.range(this.starts[first], Math.max(endOffset(value.range), this.ends[first])),
    };
  }

  /** `{ body }` after a block's name and label. */
  private block(): Block | undefined {
    const { first, parts, label } = this.head;
    const open = this.current;
    if (!this.enterLevel()) return undefined;
    this.CONSUME(LCurlyToken);
    const body = this.SUBRULE(this.body, BLOCK_BODY);
    this.depth--;
    const closeAt = this.current;
    const closed = this.expect(3, Tok.RCURLY);
    const closeBrace = closed ? this.rangeOf(closeAt) : this.emptyAt(closeAt);
    return {
      kind: "Block",
      name: this.dottedName(parts),
      nameParts: parts,
      label,
      body,
      openBrace: this.rangeOf(open),
      closeBrace,
      range: this.range(this.starts[first], closeBrace.end.offset),
    };
  }

  /**
   * expression = operand { BinaryOperator operand }, the tree built by precedence in the action. The first
   * operand is parsed inline (the same grammar as `operand`): a bracket then nests through one rule call, not
   * two, which keeps each nesting level's share of the stack small.
   */
  readonly expression = this.RULE("expression", (): Expression => {
    const base = this.listTop;
    const saved = this.depth;
    this.pushItem(this.operandBody());
    if (this.RECORDING_PHASE || this.binaryStart[this.kind] === 1) this.MANY3(this.binaryOperation);
    this.depth = saved;
    if (this.RECORDING_PHASE || this.listTop === base + 1) return this.takeList<Expression>(base)[0];
    return this.precedenceTree(this.takeList(base));
  });

  private readonly binaryOperation = (): void => {
    const operator = this.current;
    if (!this.enterLevel()) return;
    this.CONSUME(BinaryOperator);
    this.pushItem(operator);
    this.pushItem(this.SUBRULE(this.operand));
  };

  /**
   * operand = { UnaryOperator } primary { "." IDENT | "[" expression "]" | "(" [ arguments ] ")" },
   * primary = IDENT | Literal | "(" expression ")" | "[" [ elements ] "]" | "{" [ fields ] "}",
   * elements and arguments = expression { "," [ expression ] }, fields = field { "," [ field ] }.
   */
  readonly operand = this.RULE("operand", (): Expression => this.operandBody());

  /** The grammar of an operand, in the rule that parses it (`operand`, or `expression` for its first). */
  private operandBody(): Expression {
    const saved = this.depth;
    const prefixFrom = this.current;
    if (this.RECORDING_PHASE || this.prefixStart[this.kind] === 1) this.MANY(this.prefixOperator);
    const prefixes = this.current - prefixFrom;
    if (prefixes > 0 && this.depth + prefixes > MAX_NESTING_DEPTH) {
      const bad = this.badExpression();
      this.nestingTooDeep(prefixFrom + MAX_NESTING_DEPTH - this.depth);
      return bad;
    }
    this.depth += prefixes;
    this.chainValue =
      this.RECORDING_PHASE || this.primaryStart[this.kind] === 1 ? this.OR(this.primary) : this.missingExpression();
    for (;;) {
      if (this.RECORDING_PHASE || this.postfixStart[this.kind] === 1) this.MANY2(this.postfixOperation);
      if (this.RECORDING_PHASE || (this.kind !== Tok.STRING && this.kind !== Tok.LCURLY) || !this.blockAsExpression()) break;
    }
    let expression = this.chainValue;
    for (let k = prefixes - 1; k >= 0; k--) {
      const operatorAt = prefixFrom + k;
      expression = {
        kind: "UnaryExpression",
        operator: this.kinds[operatorAt] === Tok.NOT ? "!" : "-",
        operand: expression,
        range: this.range(this.starts[operatorAt], endOffset(expression.range)),
      };
    }
    this.depth = saved;
    return expression;
  }

  private readonly prefixOperator = (): void => {
    this.CONSUME(UnaryOperator);
  };

  private readonly primary: IOrAlt<Expression>[] = [
    { ALT: () => this.identifier() },
    { ALT: () => this.literal() },
    { ALT: () => this.parenthesized() },
    { ALT: () => this.array() },
    { ALT: () => this.object() },
  ];

  private identifier(): Identifier {
    const at = this.current;
    this.CONSUME(IdentToken);
    return this.identifierAt(at);
  }

  private literal(): Expression {
    const at = this.current;
    this.CONSUME(Literal);
    const range = this.rangeOf(at);
    switch (this.kinds[at] as Tok) {
      case Tok.STRING: {
        const raw = this.textOf(at);
        return { kind: "StringLiteral", value: decodeString(raw), raw, isRaw: raw.charCodeAt(0) === 96, range };
      }
      case Tok.BOOL:
        return { kind: "BoolLiteral", value: this.text.charCodeAt(this.starts[at] - this.scanBase) === 116, range };
      case Tok.NULL:
        return { kind: "NullLiteral", range };
      default: {
        const raw = this.textOf(at);
        return { kind: "NumberLiteral", value: Number(raw), raw, isFloat: this.kinds[at] === Tok.FLOAT, range };
      }
    }
  }

  private parenthesized(): Expression {
    const open = this.current;
    if (!this.enterLevel()) return this.badExpressionAt(open);
    this.CONSUME(LParenToken);
    const inner = this.SUBRULE(this.expression);
    this.depth--;
    const close = this.current;
    this.expect(4, Tok.RPAREN);
    return { kind: "ParenExpression", expression: inner, range: this.span(open, close) };
  }

  /** `[ elements ]` */
  private array(): Expression {
    const open = this.current;
    if (!this.enterLevel()) return this.badExpressionAt(open);
    this.CONSUME1(LBrackToken);
    const elements = this.commaList(this.elements, Tok.RBRACK) as Expression[];
    this.depth--;
    const close = this.current;
    this.expect(1, Tok.RBRACK);
    return { kind: "ArrayExpression", elements, range: this.span(open, close) };
  }

  /** `{ fields }` */
  private object(): Expression {
    const open = this.current;
    if (!this.enterLevel()) return this.badExpressionAt(open);
    this.CONSUME(LCurlyToken);
    // Alloy looks for `]` here, not `}`: `{]` has no fields (and then a missing `}`).
    const fields =
      this.RECORDING_PHASE || this.kind !== Tok.RBRACK ? (this.commaList(this.fields, Tok.RCURLY) as ObjectField[]) : [];
    this.depth--;
    const close = this.current;
    this.expect(1, Tok.RCURLY);
    return { kind: "ObjectExpression", fields, range: this.span(open, close) };
  }

  private readonly postfixOperation = (): void => {
    if (!this.enterLevel()) return;
    this.chainValue = this.OR2(this.postfix);
  };

  private readonly postfix: IOrAlt<Expression>[] = [
    {
      ALT: () => {
        const object = this.chainValue;
        this.CONSUME(DotToken);
        const nameAt = this.current;
        this.expect(5, Tok.IDENT);
        if (this.RECORDING_PHASE) return object;
        const property: Identifier = { kind: "Identifier", name: this.textOf(nameAt), range: this.rangeOf(nameAt) };
        return { kind: "AccessExpression", object, property, range: this.cover(object.range, property.range) };
      },
    },
    {
      ALT: () => {
        const object = this.chainValue;
        this.CONSUME(LBrackToken);
        const index = this.SUBRULE2(this.expression);
        const close = this.current;
        this.expect(6, Tok.RBRACK);
        if (this.RECORDING_PHASE) return object;
        return { kind: "IndexExpression", object, index, range: this.range(startOffset(object.range), this.ends[close]) };
      },
    },
    {
      ALT: () => {
        const callee = this.chainValue;
        this.CONSUME2(LParenToken);
        const args = this.commaList(this.callArguments, Tok.RPAREN) as Expression[];
        const close = this.current;
        this.expect(7, Tok.RPAREN);
        if (this.RECORDING_PHASE) return callee;
        return { kind: "CallExpression", callee, args, range: this.range(startOffset(callee.range), this.ends[close]) };
      },
    },
  ];

  /**
   * The items of a comma-separated list up to `until` (`item { "," [ item ] }`, optional), with Alloy's
   * recovery: Chevrotain parses what is valid, `recoverInList` what is not, and the list goes on.
   */
  private commaList(list: CommaList, until: Tok): unknown[] {
    const base = this.listTop;
    for (;;) {
      this.phase = ListPhase.Start;
      this.option(list.occurrence, list.items);
      if (this.RECORDING_PHASE || !this.recoverInList(until, list.missingComma, list.badItem)) break;
    }
    return this.takeList(base);
  }

  /**
   * The grammar of one kind of comma-separated list, its DSL calls numbered from `occurrence` so that several
   * lists can live in one rule. A comma is taken as a separator only after an item: `,,` is an error.
   */
  private commaListOf(occurrence: number, item: () => ParserMethod<[], unknown>, missingComma: string, badItem: () => unknown): CommaList {
    const another = (): void => this.addItem(this.subrule(occurrence + 1, item()));
    const more = {
      GATE: (): boolean => this.phase === ListPhase.AfterItem,
      DEF: (): void => {
        this.consume(occurrence, CommaToken);
        this.phase = ListPhase.Start;
        this.option(occurrence + 1, another);
      },
    };
    const items = (): void => {
      this.addItem(this.subrule(occurrence, item()));
      this.many(occurrence, more);
    };
    return { occurrence, items, missingComma, badItem };
  }

  private readonly elements = this.commaListOf(10, () => this.expression, "missing ',' in expression list", () =>
    this.missingExpression(),
  );
  private readonly callArguments = this.commaListOf(20, () => this.expression, "missing ',' in expression list", () =>
    this.missingExpression(),
  );
  /** At a field's place, a token that cannot start one: the field rule reports it and recovers. */
  private readonly fields = this.commaListOf(30, () => this.field, "missing ',' in field list", () =>
    this.subrule(32, this.field),
  );

  /** field = ( IDENT | STRING ) "=" expression */
  readonly field = this.RULE("field", (): ObjectField => {
    const at = this.current;
    let key = "";
    let keyRaw = "";
    let quoted = false;
    let keyRange: Range;
    if (this.RECORDING_PHASE || this.fieldKeyStart[this.kind] === 1) {
      this.OR(this.fieldKey);
      keyRaw = this.textOf(at);
      quoted = this.kinds[at] === Tok.STRING;
      key = quoted ? decodeString(keyRaw) : keyRaw;
      keyRange = this.rangeOf(at);
    } else {
      this.unexpected("field name (string or identifier)");
      keyRange = this.emptyAt(at);
      this.advanceTo(Tok.ASSIGN);
    }
    this.expect(1, Tok.ASSIGN);
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return value as never;
    const range = this.range(startOffset(keyRange), Math.max(endOffset(value.range), endOffset(keyRange)));
    return { kind: "ObjectField", key, keyRaw, quoted, keyRange, value, range };
  });

  private readonly fieldKey: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(IdentToken) },
    { ALT: () => this.CONSUME(StringToken) },
  ];

  // Alloy's recovery

  /**
   * Where Chevrotain stopped in a body, does what Alloy's `parseBody` does next. Returns whether the body goes
   * on (the grammar takes over again at the start of a statement).
   */
  private recoverInBody(until: Tok): boolean {
    if (this.phase === ListPhase.Start) {
      if (this.kind === until || this.kind === Tok.EOF) return false;
      // A token that cannot start a statement: Alloy's `parseStatement` reports it and skips to an identifier.
      this.unexpected("identifier");
      this.advanceTo(Tok.IDENT);
      this.terminated = false;
    }
    if (this.kind === until) return false;
    if (this.kind !== Tok.TERMINATOR) {
      this.unexpected("TERMINATOR");
      this.consumeStatement();
    }
    this.terminated = this.kind === Tok.TERMINATOR;
    this.next();
    return true;
  }

  /**
   * Where Chevrotain stopped in a comma-separated list, does what Alloy's `parseExpressionList` and
   * `parseFieldList` do next: an item that cannot start (`badItem` reports it and recovers), or a missing
   * comma. Returns whether the list goes on.
   */
  private recoverInList(until: Tok, missingComma: string, badItem: () => unknown): boolean {
    if (this.phase === ListPhase.Start) {
      if (this.kind === until || this.kind === Tok.EOF) return false;
      this.pushItem(badItem());
    }
    if (this.kind === until) return false;
    if (this.kind !== Tok.COMMA) this.addError("parse/missing-comma", missingComma);
    this.next();
    return true;
  }

  /** Alloy's `parsePrimaryExpr` past its alternatives: reports the token and skips to the end of the item. */
  private missingExpression(): Expression {
    this.unexpected("expression");
    const bad = this.badExpression();
    while (this.kind !== Tok.EOF && STATEMENT_END[this.kind] === 0) this.next();
    return bad;
  }

  /**
   * `attr = prometheus.remote_write "x" { … }`: a block written where an expression belongs. Alloy parses the
   * block, reports it from the start of the expression, and goes on with the chain; when the block is not
   * there after all, it skips the rest of the statement. Returns whether the chain goes on.
   */
  private blockAsExpression(): boolean {
    const expression = this.chainValue;
    if (this.kind === Tok.STRING) this.next();
    if (this.kind !== Tok.LCURLY) {
      this.unexpected("{");
      this.next();
      this.consumeStatement();
      return false;
    }
    if (!this.enterLevel()) return false;
    this.next();
    this.SUBRULE3(this.body, BLOCK_BODY);
    this.depth--;
    const close = this.current;
    if ((this.kind as Tok) !== Tok.RCURLY) {
      this.unexpected("}");
      this.next();
      this.consumeStatement();
      return false;
    }
    this.next();
    this.addErrorAt(
      "parse/block-as-expression",
      "cannot use a block as an expression",
      this.range(startOffset(expression.range), this.ends[close]),
    );
    return true;
  }

  /** Alloy's `expect`: consumes the current token, reporting it when it is not `kind`. Whether it was. */
  private expect(occurrence: number, kind: Tok): boolean {
    if (this.RECORDING_PHASE || this.kind === kind) {
      this.consume(occurrence, TOKEN_TYPES[kind]);
      return true;
    }
    this.unexpected(tokenName(kind));
    this.next();
    return false;
  }

  /** Skips tokens up to (not including) `kind` or EOF. */
  private advanceTo(kind: Tok): void {
    while (this.kind !== Tok.EOF && this.kind !== kind) this.next();
  }

  /** Skips the rest of a statement: up to a TERMINATOR outside any bracket pair opened meanwhile. */
  private consumeStatement(): void {
    let curly = 0;
    let brack = 0;
    let paren = 0;
    for (let kind = this.kind; kind !== Tok.EOF; kind = this.kind) {
      if (kind === Tok.LCURLY) curly++;
      else if (kind === Tok.RCURLY) curly--;
      else if (kind === Tok.LBRACK) brack++;
      else if (kind === Tok.RBRACK) brack--;
      else if (kind === Tok.LPAREN) paren++;
      else if (kind === Tok.RPAREN) paren--;
      else if (kind === Tok.TERMINATOR && curly <= 0 && brack <= 0 && paren <= 0) return;
      this.next();
    }
  }

  /**
   * Opens one nesting level; at the limit, reports the current token instead and skips what it opens.
   * Whether the level was opened.
   */
  private enterLevel(): boolean {
    if (this.RECORDING_PHASE || this.depth < MAX_NESTING_DEPTH) {
      this.depth++;
      return true;
    }
    this.nestingTooDeep(this.current);
    return false;
  }

  /**
   * Reports nesting beyond the limit at token `at` and skips the too-deep part: up to the bracket that closes
   * the construct being parsed, or the end of the list item or statement.
   */
  private nestingTooDeep(at: number): void {
    this.addErrorAtToken(at, "parse/nesting-too-deep", `nesting too deep: more than ${MAX_NESTING_DEPTH} levels`);
    let balance = 0;
    for (let kind = this.kind; kind !== Tok.EOF; kind = this.kind) {
      if (kind === Tok.LCURLY || kind === Tok.LBRACK || kind === Tok.LPAREN) balance++;
      else if (kind === Tok.RCURLY || kind === Tok.RBRACK || kind === Tok.RPAREN) {
        if (balance === 0) return;
        balance--;
      } else if (balance === 0 && (kind === Tok.TERMINATOR || kind === Tok.COMMA)) return;
      this.next();
    }
  }

  // Parsing a text

  parse(text: string, filename: string): ParseResult {
    const tokens = this.scanner.scan(text);
    this.begin(tokens, text, new LineIndex(text, tokens.lineStarts));
    const body = this.file();
    const comments = this.commentsOf(tokens.comments);
    const ast: File = { kind: "File", filename, body, comments, range: this.range(0, text.length) };
    const result = { ast, diagnostics: this.finish(), lineIndex: this.lineIndex };
    this.end();
    return result;
  }

  /** Parses `text` as one expression followed by the end of input, as Alloy's `parser.ParseExpression`. */
  parseExpression(text: string): ExpressionParseResult {
    const tokens = this.scanner.scan(text);
    this.begin(tokens, text, new LineIndex(text, tokens.lineStarts));
    const expression = this.expression();
    // Alloy expects the TERMINATOR its scanner inserts at the end of input: anything else was left unparsed.
    if (this.kind !== Tok.TERMINATOR) this.unexpected("TERMINATOR");
    const comments = this.commentsOf(tokens.comments);
    const result = { expression, comments, diagnostics: this.finish(), lineIndex: this.lineIndex };
    this.end();
    return result;
  }

  /**
   * Parses the top-level statements of `text.slice(from, to)` as if it were a whole file, with ranges in
   * `text`'s offsets pointing at `lineIndex`.
   *
   * Without `allowErrors`, returns `undefined` when the slice has any lexical or syntax error. With it, a
   * slice with errors is returned with its diagnostics, unless the slice does not end cleanly before `to`
   * (a statement, string or comment still open when the slice's tokens ran out): then what follows `to`
   * in `text` would change the result, and the caller must parse the whole text.
   */
  parseSlice(text: string, from: number, to: number, lineIndex: LineIndex, allowErrors: boolean): SliceResult | undefined {
    const length = to - from;
    const region = copyOfSlice(text, from, to);
    const tokens = this.scanner.scan(region, from === 0);
    if (tokens.errors.length > 0 && !allowErrors) return undefined;
    const { starts, ends, count } = tokens;
    for (let k = 0; k < count; k++) {
      starts[k] += from;
      ends[k] += from;
    }
    this.begin(tokens, region, lineIndex, from);
    const body = this.file();
    const diagnostics = this.finish();
    let ok = diagnostics.length === 0;
    if (allowErrors) {
      // The top-level body must have stopped at the end of input right after consuming a TERMINATOR (the
      // token before EOF), read from a newline or comment in the slice, not the one the scanner adds at the
      // end of input after a token left open (a raw string); and no block comment may run to the end.
      ok =
        to >= text.length ||
        (this.terminated && count >= 2 && starts[count - 2] < to && tokens.comments.every((span) => span.end < length));
    }
    const comments = ok ? this.commentsOf(tokens.comments) : [];
    this.end();
    return ok ? { body, comments, diagnostics } : undefined;
  }

  private begin(tokens: TokenTable, text: string, lineIndex: LineIndex, scanBase = 0): void {
    this.useTokens(tokens, text, lineIndex, scanBase);
    // The token vector Chevrotain reads: one shared object per kind, EOF left to Chevrotain's end of input.
    // One array serves every parse (Chevrotain adds its end-of-input sentinels during a parse, then removes them).
    const vector = this.vector;
    const count = this.lastToken;
    vector.length = count;
    const kinds = this.kinds;
    for (let k = 0; k < count; k++) vector[k] = KIND_TOKENS[kinds[k]];
    this.input = vector;
  }

  private useTokens(tokens: TokenTable, text: string, lineIndex: LineIndex, scanBase = 0): void {
    this.tokens = tokens;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.lines = tokens.lines;
    this.text = text;
    this.lineIndex = lineIndex;
    this.diagnostics = [];
    this.reportedAt = [];
    this.lastToken = tokens.count - 1;
    this.scanBase = scanBase;
    this.lastErrorLine = -1;
    this.depth = 0;
    this.listTop = 0;
  }

  private end(): void {
    this.tokens = undefined!;
    this.text = "";
    this.lineIndex = undefined!;
    this.chainValue = undefined!;
    this.head = undefined!;
    // A large text's vector is not kept for the next parse.
    if (this.vector.length > 65_536) this.input = this.vector = [];
  }

  /** The diagnostics in Alloy's order: the scanner's errors come when the parser reaches their token. */
  private finish(): Diagnostic[] {
    const scanErrors = this.tokens.errors;
    const parsed = this.diagnostics;
    if (scanErrors.length === 0) return parsed;
    const at = this.reportedAt;
    const merged: Diagnostic[] = [];
    let p = 0;
    for (const error of scanErrors) {
      while (p < parsed.length && at[p] < error.tokenIndex) merged.push(parsed[p++]);
      merged.push(this.scanDiagnostic(error));
    }
    while (p < parsed.length) merged.push(parsed[p++]);
    return merged;
  }

  private scanDiagnostic(error: ScanError): Diagnostic {
    const start = error.offset + this.scanBase;
    return { code: error.code, severity: "error", message: error.message, range: this.lineIndex.rangeAt(start, start + error.length) };
  }

  /** The comments of the scanned text (`this.text`, offsets relative to it). */
  private commentsOf(spans: readonly { start: number; end: number }[]): Comment[] {
    const text = this.text;
    const base = this.scanBase;
    return spans.map(
      (span): Comment => ({
        kind: "Comment",
        style: text.charCodeAt(span.start + 1) === 42 ? "block" : "line",
        text: text.slice(span.start, span.end),
        range: this.range(span.start + base, span.end + base),
      }),
    );
  }

  // Tokens, positions, lists and errors

  /** The index of the current token (Chevrotain's next token). */
  private get current(): number {
    return this.currIdx + 1;
  }

  /** The kind of the current token. */
  private get kind(): Tok {
    return this.kinds[this.currIdx + 1] as Tok;
  }

  /** Alloy's `next`: moves to the next token; stays at EOF. */
  private next(): void {
    if (this.currIdx + 1 < this.lastToken) this.SKIP_TOKEN();
  }

  private range(start: number, end: number): Range {
    return this.lineIndex.rangeAt(start, end);
  }

  private rangeOf(i: number): Range {
    return this.lineIndex.rangeAt(this.starts[i], this.ends[i]);
  }

  /** A range from the start of token `from` to the end of token `to`. */
  private span(from: number, to: number): Range {
    return this.lineIndex.rangeAt(this.starts[from], this.ends[to]);
  }

  private emptyAt(i: number): Range {
    return this.lineIndex.rangeAt(this.starts[i], this.starts[i]);
  }

  /** Range from the start of `first` to the end of `last` (positions of its own: `reparse` moves them in place). */
  private cover(first: Range, last: Range): Range {
    const { start, end } = first;
    return { start: { offset: start.offset, line: start.line, column: start.column }, end: { offset: last.end.offset, line: last.end.line, column: last.end.column } };
  }

  private textOf(i: number): string {
    return this.text.slice(this.starts[i] - this.scanBase, this.ends[i] - this.scanBase);
  }

  private identifierAt(i: number): Identifier {
    return { kind: "Identifier", name: this.textOf(i), range: this.rangeOf(i) };
  }

  private badExpression(): Expression {
    return this.badExpressionAt(this.current);
  }

  private badExpressionAt(i: number): Expression {
    return { kind: "BadExpression", range: this.emptyAt(i) };
  }

  /** The label of a block (token `at`), checked as Alloy checks it. */
  private blockLabel(at: number): BlockLabel {
    const raw = this.textOf(at);
    if (raw.charCodeAt(0) !== 34) {
      this.addErrorAtToken(at, "parse/invalid-block-label", `expected block label to be a double quoted string, but got ${goQuote(raw)}`);
    }
    // Alloy takes the label's bytes between the first and the last: of an unterminated label ending in a
    // character of several bytes, it keeps that character's first bytes (no valid identifier then).
    if (utf8Length(raw) > 2) {
      const last = raw.codePointAt(raw.length - 1) ?? 0;
      const lastLength = last >= 0xdc00 && last <= 0xdfff && raw.length > 2 ? 2 : 1;
      const lastChar = raw.slice(raw.length - lastLength);
      const inner = raw.slice(1, raw.length - lastLength);
      const partial = lastChar.charCodeAt(0) < 0x80 ? [] : [...new TextEncoder().encode(lastChar)].slice(0, -1);
      if (partial.length > 0 || !isValidIdentifier(inner)) {
        const bytes = partial.map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
        const quoted = goQuote(inner).slice(0, -1) + bytes + '"';
        this.addErrorAtToken(at, "parse/invalid-block-label", `expected block label to be a valid identifier, but got ${quoted}`);
      }
    }
    return { kind: "BlockLabel", value: decodeString(raw), raw, range: this.rangeOf(at) };
  }

  /** `a.b.c` from the parts of a block name: the source text itself when written without spaces or comments. */
  private dottedName(parts: readonly Identifier[]): string {
    if (parts.length === 1) return parts[0].name;
    const start = startOffset(parts[0].range);
    const end = endOffset(parts[parts.length - 1].range);
    let length = parts.length - 1;
    for (const part of parts) length += part.name.length;
    return end - start === length ? this.text.slice(start - this.scanBase, end - this.scanBase) : parts.map((p) => p.name).join(".");
  }

  /**
   * The tree of a binary chain (`operand (operator operand)*`, operators as token indices), by precedence:
   * left-associative, except `^`, which is right-associative and binds tightest, as Alloy's parser builds it.
   */
  private precedenceTree(chain: unknown[]): Expression {
    let next = 0;
    const climb = (minPrecedence: number): Expression => {
      let left = chain[next++] as Expression;
      while (next < chain.length) {
        const operatorAt = chain[next] as number;
        const kind = this.kinds[operatorAt] as Tok;
        const precedence = binaryPrecedence(kind);
        if (precedence < minPrecedence) break;
        next++;
        const right = climb(kind === Tok.POW ? precedence : precedence + 1);
        left = {
          kind: "BinaryExpression",
          operator: tokenName(kind) as BinaryOperatorSpelling,
          operatorRange: this.rangeOf(operatorAt),
          left,
          right,
          range: this.cover(left.range, right.range),
        };
      }
      return left;
    };
    return climb(1);
  }

  private pushItem(item: unknown): void {
    this.listStack[this.listTop++] = item;
  }

  private addStatement(statement: Statement | undefined): void {
    if (statement !== undefined) this.pushItem(statement);
    this.phase = ListPhase.AfterItem;
    this.terminated = false;
  }

  private addItem(item: unknown): void {
    this.pushItem(item);
    this.phase = ListPhase.AfterItem;
  }

  /** The items pushed since `base`, as an exact-size array; pops them. */
  private takeList<T>(base: number): T[] {
    const top = this.listTop;
    const stack = this.listStack;
    const list = stack.slice(base, top) as T[];
    // Not kept alive by the parser once parsed.
    for (let k = base; k < top; k++) stack[k] = undefined;
    this.listTop = base;
    return list;
  }

  /** Records a syntax error at the current token; like Alloy, at most one per line. */
  private addError(code: string, message: string): void {
    this.addErrorAtToken(this.current, code, message);
  }

  private addErrorAtToken(at: number, code: string, message: string): void {
    const line = this.lines[at];
    if (line === this.lastErrorLine) return;
    this.lastErrorLine = line;
    this.addErrorAt(code, message, this.rangeOf(at));
  }

  /** Records an error Alloy reports whatever the line (not counted as the line's error). */
  private addErrorAt(code: string, message: string, range: Range): void {
    this.diagnostics.push({ code, severity: "error", message, range });
    this.reportedAt.push(this.current);
  }

  private unexpected(expected: string): void {
    this.addError("parse/unexpected-token", `expected ${expected}, got ${tokenName(this.kind)}`);
  }
}

/** The one parser instance. */
const sharedParser = new AlloyParser();

/**
 * `text.slice(from, to)` in a string of its own. V8 makes a slice of 13 characters or more point into the
 * whole string, and so would every name and comment the parser slices from it: the statements `reparse`
 * parses again would keep each version of the text they were parsed from alive. A string built by
 * concatenation is copied into a flat string of its own when first read, and slices point into that copy.
 */
function copyOfSlice(text: string, from: number, to: number): string {
  const copy = " " + text.slice(from, to);
  return copy.slice(1);
}

/**
 * The top-level statements, comments and diagnostics of `text.slice(from, to)`, parsed on their own with
 * ranges in `text`; `undefined` when that slice has an error (or, with `allowErrors`, when it does not end
 * cleanly: see `AlloyParser.parseSlice`). Used by `reparse`.
 * @internal
 */
export function parseSlice(text: string, from: number, to: number, lineIndex: LineIndex, allowErrors = false): SliceResult | undefined {
  return sharedParser.parseSlice(text, from, to, lineIndex, allowErrors);
}

/**
 * Parses an Alloy (River) file. Never throws: problems come back as `diagnostics` (in Alloy's order and
 * wording) next to a partial AST.
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const result = sharedParser.parse(text, options.filename ?? "<input>");
  if (options.start === undefined) return result;
  const shift = shiftTo(options.start);
  mapRanges(result.ast, shift);
  for (const comment of result.ast.comments) mapRanges(comment, shift);
  shiftedFiles.set(result.ast, options.start);
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, range: shift(d.range) })) };
}

/**
 * Parses one expression (an attribute's value, a string from another tool), as Alloy's
 * `parser.ParseExpression`: the whole text must be that expression. Never throws. `start` as for {@link parse}.
 */
export function parseExpression(text: string, options: Pick<ParseOptions, "start"> = {}): ExpressionParseResult {
  const result = sharedParser.parseExpression(text);
  if (options.start === undefined) return result;
  const shift = shiftTo(options.start);
  mapRanges(result.expression, shift);
  for (const comment of result.comments) mapRanges(comment, shift);
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, range: shift(d.range) })) };
}

/** The files parsed with a `start` option, and that start (`reparse` parses those again in full). */
const shiftedFiles = new WeakMap<File, Position>();

/** The `start` option `file` was parsed with, if any. @internal */
export function startOf(file: File): Position | undefined {
  return shiftedFiles.get(file);
}

/** Moves ranges of a text to where the text starts in its host file. */
function shiftTo(start: Position): (range: Range) => Range {
  const moved = (position: Position): Position => ({
    offset: position.offset + start.offset,
    line: position.line + start.line - 1,
    column: position.line === 1 ? position.column + start.column - 1 : position.column,
  });
  return (range) => ({ start: moved(range.start), end: moved(range.end) });
}

/** The grammar's rules as Chevrotain serializes them (for the railroad diagrams). @internal */
export function serializedGrammar(): ReturnType<AlloyParser["getSerializedGastProductions"]> {
  return sharedParser.getSerializedGastProductions();
}

/**
 * Chevrotain's content assist: the grammar paths that can go on after tokens of these kinds, read from the
 * start of a statement sequence (a file or a block's body). Used by `completionContext`.
 * @internal
 */
export function grammarPathsAfter(kinds: readonly Tok[]): ISyntacticContentAssistPath[] {
  return sharedParser.computeContentAssist("body", kinds.map((kind) => KIND_TOKENS[kind]));
}
