import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import nunjucks from 'nunjucks';
import { VIEWS, viewEnvironment } from './page-renderer.js';
import type { SiteModel } from './page-renderer.js';

// GOV.UK Frontend's macros put an `html:` parameter into the page as it is, unescaped. Autoescaping
// does not help once a template concatenates data into a string (`site.council.name + '<a…>'`):
// the result is a plain string, and the macro outputs it raw. So every `html:` a template builds
// must be made of literals, data passed through `escape`, macro calls (their output is escaped
// markup) and variables captured with `{% set x %}…{% endset %}` (escaped as they are rendered).

/** Nunjucks' parse tree (its parser is public but untyped): a node names its fields. */
interface TemplateNode {
  readonly typename: string;
  readonly fields: readonly string[];
  readonly value?: unknown;
  readonly [field: string]: unknown;
}

interface NunjucksParser {
  parse(source: string): TemplateNode;
}

const parser = (nunjucks as unknown as { readonly parser: NunjucksParser }).parser;

const isNode = (value: unknown): value is TemplateNode =>
  typeof value === 'object' && value !== null && 'typename' in value && 'fields' in value;

/** Every node of a tree, depth first. */
function* nodesOf(value: unknown): Generator<TemplateNode> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodesOf(item);
    return;
  }
  if (!isNode(value)) return;
  yield value;
  for (const field of value.fields) yield* nodesOf(value[field]);
  // A captured `{% set x %}` keeps its body outside its listed fields.
  if ('body' in value && !value.fields.includes('body')) yield* nodesOf(value['body']);
}

/** How an expression reads in a template, near enough to find it. */
function described(node: TemplateNode): string {
  if (node.typename === 'Symbol') return String(node.value);
  if (node.typename === 'LookupVal') {
    const target = isNode(node['target']) ? described(node['target']) : '?';
    const key = isNode(node['val']) ? String(node['val'].value) : '?';
    return `${target}.${key}`;
  }
  if (node.typename === 'Filter' && isNode(node['name'])) {
    const [argument] = nodesOf((node['args'] as TemplateNode | undefined)?.['children']);
    return `${argument === undefined ? '?' : described(argument)} | ${String(node['name'].value)}`;
  }
  return node.typename;
}

interface SafeNames {
  readonly macros: ReadonlySet<string>;
  readonly captured: ReadonlySet<string>;
}

const ESCAPING_FILTERS = new Set(['escape', 'e']);

/** The parts of an `html:` expression that put data into the page unescaped. */
function unescapedParts(node: TemplateNode, safe: SafeNames): string[] {
  const parts = (field: string): string[] => {
    const value = node[field];
    if (Array.isArray(value)) return value.filter(isNode).flatMap((child) => unescapedParts(child, safe));
    return isNode(value) ? unescapedParts(value, safe) : [];
  };
  switch (node.typename) {
    case 'Literal':
      return [];
    case 'Group':
    case 'NodeList':
      return parts('children');
    case 'Add':
    case 'Concat':
      return [...parts('left'), ...parts('right')];
    case 'InlineIf':
      return [...parts('body'), ...parts('else_')];
    case 'Filter':
      return isNode(node['name']) && ESCAPING_FILTERS.has(String(node['name'].value)) ? [] : [described(node)];
    case 'FunCall':
      return isNode(node['name']) && safe.macros.has(String(node['name'].value)) ? [] : [described(node)];
    case 'Symbol':
      return safe.captured.has(String(node.value)) ? [] : [described(node)];
    default:
      return [described(node)];
  }
}

/** The template's `html:` parameters that put data in unescaped, as "expression" strings. */
export function unescapedHtmlParameters(source: string, macros: ReadonlySet<string>): string[] {
  const tree = parser.parse(source);
  const nodes = [...nodesOf(tree)];
  const captured = new Set<string>();
  for (const node of nodes) {
    if (node.typename !== 'Set' || node['value'] !== null) continue;
    for (const target of nodesOf(node['targets'])) captured.add(String(target.value));
  }
  const safe = { macros, captured };
  return nodes.flatMap((node) => {
    if (node.typename !== 'Pair' || !isNode(node['key']) || node['key'].value !== 'html') return [];
    const value = node['value'];
    return isNode(value) ? unescapedParts(value, safe) : [];
  });
}

function templatesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.njk'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const TEMPLATES = templatesUnder(VIEWS);

/** Our macros and the ones a template imports (GOV.UK Frontend's escape their `text:`). */
const MACROS = new Set(
  TEMPLATES.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return [
      ...[...source.matchAll(/{%-?\s*macro\s+(\w+)/g)].map((match) => match[1] ?? ''),
      ...[...source.matchAll(/{%-?\s*from\s+"[^"]+"\s+import\s+([\w\s,]+?)\s*-?%}/g)].flatMap((match) =>
        (match[1] ?? '').split(',').map((name) => name.trim()),
      ),
    ];
  }),
);

describe('html: parameters built from data', () => {
  it('finds data concatenated unescaped, and passes escaped data, literals, macros and captured blocks', () => {
    const probe = `
      {% set captured %}<b>{{ name }}</b>{% endset %}
      {{ govukInsetText({ html: site.council.name + ' has no plan. <a href="/plans">Plans</a>' }) }}
      {{ govukInsetText({ html: (site.council.name | escape) + ' has no plan.' }) }}
      {{ govukInsetText({ html: '<a href="' + plan.href + '">' + (plan.title | e) + '</a>' }) }}
      {{ govukInsetText({ html: captured }) }}
      {{ govukInsetText({ html: govukTag(status) + (reason | safe if reason else "") }) }}
      {{ govukInsetText({ "html": other }) }}
    `;
    expect(unescapedHtmlParameters(probe, new Set(['govukInsetText', 'govukTag']))).toEqual([
      'site.council.name',
      'plan.href',
      'reason | safe',
      'other',
    ]);
  });

  it.each(TEMPLATES.map((file) => [relative(VIEWS, file), file]))(
    '%s escapes the data in every html: it builds',
    (_name, file) => {
      expect(unescapedHtmlParameters(readFileSync(file, 'utf8'), MACROS)).toEqual([]);
    },
  );
});

describe('a council name with markup in it', () => {
  const PROBE = 'Probe <img src=x onerror=alert(1)> Council';
  const site: SiteModel = {
    council: { slug: 'probe', name: PROBE },
    signedIn: true,
    displayName: 'A Person',
    csrfField: '_csrf',
    csrfToken: 'token',
    currentPath: '/',
    navigation: [],
    councilHomeHref: '/',
    signInHref: '/sign-in',
    platformUrl: 'http://localhost:3000/',
    supportEmail: 'support@example.org',
    assetVersion: '0',
    homeOrigin: '',
  };

  it('is shown as text on its dashboard, never as markup', () => {
    const html = viewEnvironment({ cache: false }).render('plans/dashboard.njk', {
      pageTitle: 'Dashboard',
      site,
      displayName: 'A Person',
      rolesInWords: 'council admin',
      plans: [],
      recentChanges: [],
      cspNonce: 'nonce',
      htmlLang: 'en-GB',
    });
    expect(html).toContain('Probe &lt;img src=x onerror=alert(1)&gt; Council has no published action plan');
    expect(html).not.toContain('<img');
  });
});
