import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Keeps docs/architecture.md §2 true: the "may import" column of the folders table is the rule,
 * every import of src/** and web-widget/** is checked against it, and src/ has no file cycles.
 * Every dependency counts (type-only and dynamic imports too): see the paragraph under the table.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

interface ImportEdge {
  /** Repository-relative, forward slashes. */
  from: string;
  line: number;
  /** Repository-relative path of the imported file. */
  to: string;
  kind: 'value' | 'type' | 'dynamic';
}

interface FolderRule {
  folder: string;
  /** Folder or file prefixes the folder may import besides itself; `everything` for `src/` at large. */
  allowed: string[];
}

const toPosix = (path: string): string => path.split(sep).join('/');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./x.js` → `src/…/x.ts` (NodeNext spells TypeScript imports with `.js`). */
function resolveTarget(fromFile: string, specifier: string): string {
  const abs = resolve(dirname(fromFile), specifier);
  const candidates = [abs.replace(/\.js$/, '.ts'), abs.replace(/\.js$/, '.tsx'), abs, `${abs}.ts`, join(abs, 'index.ts')];
  const found = candidates.find((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
  return toPosix(relative(root, found ?? abs));
}

/** Every relative import of a file, with its line: import/export … from, import type, import(), import('x').T. */
function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: string, kind: ImportEdge['kind']) => {
    if (!specifier.startsWith('.')) return; // npm packages and node: built-ins are allowed everywhere
    edges.push({
      from: toPosix(relative(root, file)),
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      to: resolveTarget(file, specifier),
      kind,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.importClause?.isTypeOnly ? 'type' : 'value');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly ? 'type' : 'value');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text, 'value');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteralLike(arg)) add(node, arg.text, 'dynamic');
      else edges.push({ from: toPosix(relative(root, file)), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, to: '<computed import()>', kind: 'dynamic' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, 'type');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** The rows of the §2 table whose folder is code (`src/…`, `web-widget/`), with the prefixes of their "may import" cell. */
function folderRules(doc: string): FolderRule[] {
  const section = doc.slice(doc.indexOf('## 2. Folders'), doc.indexOf('## 3.'));
  const rules: FolderRule[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | `folder` | what lives there | may import |
    const folder = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    const imports = cells[cells.length - 2];
    if (folder === undefined || imports === undefined || !/^(src\/|web-widget\/)/.test(folder)) continue;
    const allowed = /everything/.test(imports) ? ['everything'] : [...imports.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    rules.push({ folder, allowed });
  }
  return rules;
}

function ruleFor(rules: readonly FolderRule[], file: string): FolderRule | undefined {
  return rules.filter((r) => file.startsWith(r.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
}

function allows(rule: FolderRule, target: string): boolean {
  if (target.startsWith(rule.folder)) return true;
  if (rule.allowed.includes('everything')) return target.startsWith('src/');
  return rule.allowed.some((prefix) => (prefix.endsWith('/') ? target.startsWith(prefix) : target === prefix));
}

/** Cycles of the graph, one representative path each (Tarjan's strongly connected components, then a path inside each). */
function findCycles(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const e of edges) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  // A readable cycle per component: breadth-first from its first file back to itself, inside the component.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
          return [...path, start];
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return [...component, component[0]!];
  });
}

const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
const rules = folderRules(doc);
const codeFiles = [...sources(join(root, 'src')), ...sources(join(root, 'web-widget'))];
const edges = codeFiles.flatMap(importsOf);

describe('docs/architecture.md §2 (folders and what they may import)', () => {
  it('should read a rule for every folder of src/ and for the widget', () => {
    const topFolders = readdirSync(join(root, 'src')).filter((n) => statSync(join(root, 'src', n)).isDirectory());
    expect(topFolders.length).toBeGreaterThan(5);
    const ruled = new Set(rules.map((r) => r.folder));
    expect(topFolders.filter((n) => !ruled.has(`src/${n}/`)).map((n) => `src/${n}/`)).toEqual([]);
    expect(ruled.has('web-widget/')).toBe(true);
    expect(codeFiles.map((f) => toPosix(relative(root, f))).filter((f) => ruleFor(rules, f) === undefined)).toEqual([]);
  });

  it('should see every kind of import the code uses (the scanner itself works)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.kind === 'type')).toBe(true);
    expect(edges.some((e) => e.kind === 'value')).toBe(true);
    expect(edges.some((e) => e.kind === 'dynamic')).toBe(true);
    // Every relative import resolves to a file that exists: a typo in a path would otherwise hide an edge.
    expect(edges.filter((e) => !/\.(ts|tsx)$/.test(e.to)).map((e) => `${e.from}:${e.line} → ${e.to}`)).toEqual([]);
  });

  it('should find no import the table does not allow', () => {
    const violations = edges
      .filter((e) => {
        const rule = ruleFor(rules, e.from);
        return rule !== undefined && !allows(rule, e.to);
      })
      .map((e) => `${e.from}:${e.line} → ${e.to}${e.kind === 'value' ? '' : ` (${e.kind})`}`);
    expect(violations).toEqual([]);
  });

  it('should find no import cycle between files of src/', () => {
    const cycles = findCycles(edges.filter((e) => e.from.startsWith('src/') && e.to.startsWith('src/'))).map((c) => c.join(' → '));
    expect(cycles).toEqual([]);
  });
});
