/**
 * Finds words written into the UI's source instead of the catalogue (test support for
 * ui-strings.test.ts; not shipped). Parsed with the TypeScript compiler, not grepped, so that
 * catalogue keys in t('…'), class names and data attributes are told apart from display text.
 *
 * Flagged, outside calls to t():
 *   - JSX text with a letter (Latin, CJK, any script);
 *   - string literals with a letter in aria-label, title, placeholder, alt, and in expressions
 *     rendered as JSX children (`{busy ? 'Saving' : …}`), not in the arguments of calls there;
 *   - any string or template text with a Han character (display text in Chinese, wherever it is).
 * Non-linguistic marks ('×', '·', '→', '…') have no letters and pass.
 */
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
  rule: 'jsx-text' | 'attribute' | 'jsx-expression' | 'han';
}

const LETTER = /\p{L}/u;
const HAN = /\p{Script=Han}/u;
const DISPLAY_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-placeholder', 'aria-roledescription']);
/** Calls whose string arguments are catalogue keys. */
const CATALOGUE_CALLS = new Set(['t', 'hasMessage']);

type Mode = 'code' | 'display' | 'attribute';

function isStringish(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateHead | ts.TemplateMiddle | ts.TemplateTail {
  return (
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
  );
}

/** A literal compared with (`kind === 'pdf'`) or used as a property name is data, not display text. */
function isDataLiteral(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.InKeyword;
  }
  return (
    ts.isElementAccessExpression(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent)
  );
}

export function findUiStrings(file: string, source: string): Finding[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, rule: Finding['rule']) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim().slice(0, 80), rule });

  const visit = (node: ts.Node, mode: Mode, inCatalogueCall: boolean): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CATALOGUE_CALLS.has(node.expression.text)) inCatalogueCall = true;
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text, 'jsx-text');
      return;
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      mode = DISPLAY_ATTRIBUTES.has(name) ? 'attribute' : 'code';
      if (node.initializer && ts.isStringLiteral(node.initializer)) {
        const text = node.initializer.text;
        if (mode === 'attribute' && LETTER.test(text)) report(node, text, 'attribute');
        else if (HAN.test(text)) report(node, text, 'han');
        return;
      }
    }
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) mode = 'display';
    // A nested element's own attributes and children are judged on their own; arguments of calls
    // (ids, keys), object literals (styles) and function bodies are code. Chinese is caught there
    // by the Han rule all the same.
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) mode = 'code';
    if (ts.isCallExpression(node) || ts.isObjectLiteralExpression(node) || ts.isFunctionLike(node)) mode = 'code';
    if (isStringish(node) && !inCatalogueCall) {
      const text = node.text;
      if (HAN.test(text)) report(node, text, 'han');
      else if (mode !== 'code' && LETTER.test(text) && !isDataLiteral(node)) report(node, text, mode === 'attribute' ? 'attribute' : 'jsx-expression');
    }
    ts.forEachChild(node, (child) => visit(child, mode, inCatalogueCall));
  };
  visit(sf, 'code', false);
  return findings;
}
