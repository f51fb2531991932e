import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import from a source file of `src/` to another. */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import()` inside a function: loaded on use, so it does not form a load-order cycle. */
  dynamic: boolean;
  /** `import type` / `export type` (or only type specifiers), or `import('x')` in a type: erased at compile time. */
  typeOnly: boolean;
}

/** The source files of `src/` (tests left out), relative to `root` with `/` separators. */
export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || entry.name.endsWith('.d.ts')) continue;
    files.push(toPosix(relative(root, join(entry.parentPath, entry.name))));
  }
  return files.sort();
}

/** Every relative import between source files of `src/` (static, dynamic, type-only), read from the TypeScript syntax tree. */
export function readImportEdges(root: string): ImportEdge[] {
  const files = listSourceFiles(root);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
    const add = (specifier: string, dynamic: boolean, typeOnly: boolean) => {
      if (!specifier.startsWith('.')) return;
      const target = toPosix(relative(root, resolve(root, dirname(file), specifier.replace(/\.js$/, '.ts'))));
      if (!known.has(target)) throw new Error(`${file}: import "${specifier}" does not resolve to a source file`);
      edges.push({ from: file, to: target, dynamic, typeOnly });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly || (!clause.name && named !== undefined && named.length > 0 && named.every((element) => element.isTypeOnly)));
        add(node.moduleSpecifier.text, false, typeOnly);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
        add(node.moduleSpecifier.text, false, node.isTypeOnly || (named !== undefined && named.length > 0 && named.every((element) => element.isTypeOnly)));
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        add(node.arguments[0].text, true, false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, false, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

/** The top-level part of `src/` a file belongs to: its folder (`eval`), or the file itself for `src/index.ts` and `src/version.ts`. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1] : parts[1].replace(/\.ts$/, '');
}

/** Strongly connected components with more than one member (or a self-loop), by Tarjan's algorithm. */
export function findCycles(nodes: Iterable<string>, edges: Iterable<[string, string]>): string[][] {
  const adjacency = new Map<string, string[]>();
  for (const node of nodes) adjacency.set(node, []);
  const selfLoops = new Set<string>();
  for (const [from, to] of edges) {
    if (from === to) selfLoops.add(from);
    adjacency.get(from)?.push(to);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of adjacency.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || selfLoops.has(node)) components.push(component.sort());
    }
  };
  for (const node of adjacency.keys()) if (!index.has(node)) visit(node);
  return components;
}

/**
 * The "may import" table of docs/ARCHITECTURE.md: rows `| \`folder/\` | owns | \`a\`, \`b\` |` between the
 * markers `<!-- layers:start -->` and `<!-- layers:end -->`.
 */
export function readLayerTable(root: string): Map<string, Set<string>> {
  const text = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const start = text.indexOf('<!-- layers:start -->');
  const end = text.indexOf('<!-- layers:end -->');
  if (start < 0 || end < start) throw new Error('docs/ARCHITECTURE.md: the layer table markers <!-- layers:start --> / <!-- layers:end --> are missing');
  const table = new Map<string, Set<string>>();
  for (const line of text.slice(start, end).split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || !cells[1].startsWith('`')) continue;
    const folder = cells[1].replace(/[`/]/g, '').replace(/\.ts$/, '');
    const allowed = [...cells[cells.length - 2].matchAll(/`([^`]+)`/g)].map((match) => match[1].replace(/\/$/, '').replace(/\.ts$/, ''));
    table.set(folder, new Set(allowed));
  }
  return table;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
