/**
 * HtmlOutput, HtmlOutputMetaTag and HtmlTemplate (reference/html/html-output, reference/html/html-template,
 * guides/html/templates).
 */
import vm from 'node:vm';
import { type Execution, GasObject, unwrap } from '../../runtime';
import { enumName, signatureError } from './enums';
import { escapeFor, HtmlContextTracker } from './escape';

// reference/html/html-output#addMetaTag: "Only the following meta tags are allowed".
const ALLOWED_META_TAGS = new Set([
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
]);

/** What a page built by the script looks like to whoever shows it (web app, sidebar, dialog). */
export interface HtmlPage {
  content: string;
  title: string;
  faviconUrl: string | null;
  width: number | null;
  height: number | null;
  xFrameOptions: 'ALLOWALL' | 'DEFAULT';
  sandboxMode: string;
  metaTags: Array<{ name: string; content: string }>;
}

export class HtmlOutputImpl extends GasObject {
  readonly _gasClass = 'HtmlOutput';
  _content: string;
  _title = '';
  _faviconUrl: string | null = null;
  _width: number | null = null;
  _height: number | null = null;
  _xFrameOptions: 'ALLOWALL' | 'DEFAULT' = 'DEFAULT';
  _sandboxMode = 'IFRAME';
  readonly _metaTags: Array<{ name: string; content: string }> = [];
  private _tracker = new HtmlContextTracker();
  private _tracked = 0;

  constructor(exec: Execution, content = '') {
    super(exec);
    this._content = content;
  }

  _page(): HtmlPage {
    return {
      content: this._content,
      title: this._title,
      faviconUrl: this._faviconUrl,
      width: this._width,
      height: this._height,
      xFrameOptions: this._xFrameOptions,
      sandboxMode: this._sandboxMode,
      metaTags: this._metaTags.map((t) => ({ ...t })),
    };
  }

  /** Appends a value escaped for the context the content so far ends in (templates print through this). */
  _appendEscaped(value: unknown): void {
    this._tracker.feed(this._content.slice(this._tracked));
    const escaped = escapeFor(this._tracker.context, value);
    this._content += escaped;
    this._tracked = this._content.length - escaped.length;
  }

  private _reset(content: string): void {
    this._content = content;
    this._tracker = new HtmlContextTracker();
    this._tracked = 0;
  }

  addMetaTag(name: unknown, content: unknown): this {
    if (typeof name !== 'string' || typeof content !== 'string')
      throw signatureError('HtmlService.HtmlOutput.addMetaTag', [name, content]);
    // Wording not documented; the restriction is (reference/html/html-output#addMetaTag).
    if (!ALLOWED_META_TAGS.has(name)) throw new Error(`Meta tag name "${name}" is not allowed.`);
    this._metaTags.push({ name, content });
    return this;
  }

  append(addedContent: unknown): this {
    this._content += String(addedContent ?? '');
    return this;
  }

  appendUntrusted(addedContent: unknown): this {
    this._appendEscaped(addedContent ?? '');
    return this;
  }

  asTemplate(): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._exec, this._content);
  }

  clear(): this {
    this._reset('');
    return this;
  }

  getContent(): string {
    return this._content;
  }

  getFaviconUrl(): string | null {
    return this._faviconUrl;
  }

  getHeight(): number | null {
    return this._height;
  }

  getMetaTags(): HtmlOutputMetaTagImpl[] {
    return this._metaTags.map((t) => new HtmlOutputMetaTagImpl(this._exec, t.name, t.content));
  }

  getTitle(): string {
    return this._title;
  }

  getWidth(): number | null {
    return this._width;
  }

  setContent(content: unknown): this {
    this._reset(String(content ?? ''));
    return this;
  }

  setFaviconUrl(iconUrl: unknown): this {
    if (typeof iconUrl !== 'string') throw signatureError('HtmlService.HtmlOutput.setFaviconUrl', [iconUrl]);
    this._faviconUrl = iconUrl;
    return this;
  }

  setHeight(height: unknown): this {
    this._height = integerArg('HtmlService.HtmlOutput.setHeight', height);
    return this;
  }

  setSandboxMode(mode: unknown): this {
    // reference/html/html-output#setSandboxMode: "now has no effect"; IFRAME is the only mode left.
    if (enumName(mode, 'SandboxMode') === undefined)
      throw signatureError('HtmlService.HtmlOutput.setSandboxMode', [mode]);
    return this;
  }

  setTitle(title: unknown): this {
    if (typeof title !== 'string') throw signatureError('HtmlService.HtmlOutput.setTitle', [title]);
    this._title = title;
    return this;
  }

  setWidth(width: unknown): this {
    this._width = integerArg('HtmlService.HtmlOutput.setWidth', width);
    return this;
  }

  setXFrameOptionsMode(mode: unknown): this {
    const name = enumName(mode, 'XFrameOptionsMode');
    if (name !== 'ALLOWALL' && name !== 'DEFAULT')
      throw signatureError('HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    this._xFrameOptions = name;
    return this;
  }
}

function integerArg(method: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, [value]);
  return Math.trunc(value);
}

export class HtmlOutputMetaTagImpl extends GasObject {
  readonly _gasClass = 'HtmlOutputMetaTag';

  constructor(
    exec: Execution,
    private readonly _name: string,
    private readonly _value: string,
  ) {
    super(exec);
  }

  getContent(): string {
    return this._value;
  }

  getName(): string {
    return this._name;
  }
}

type Segment = { kind: 'text' | 'code' | 'print' | 'force'; body: string };

/** Splits a template into literal text and the three scriptlet kinds (guides/html/templates). */
export function parseTemplate(source: string): Segment[] {
  const segments: Segment[] = [];
  let pos = 0;
  while (pos < source.length) {
    const open = source.indexOf('<?', pos);
    if (open < 0) break;
    const [kind, start]: [Segment['kind'], number] = source.startsWith('<?!=', open)
      ? ['force', open + 4]
      : source.startsWith('<?=', open)
        ? ['print', open + 3]
        : ['code', open + 2];
    const close = source.indexOf('?>', start);
    if (close < 0) break;
    if (open > pos) segments.push({ kind: 'text', body: source.slice(pos, open) });
    segments.push({ kind, body: source.slice(start, close) });
    pos = close + 2;
  }
  if (pos < source.length) segments.push({ kind: 'text', body: source.slice(pos) });
  return segments;
}

// A printed expression may end in ";" (`<?= x; ?>`); it is an expression all the same.
function expression(body: string): string {
  return body.replace(/[\s;]+$/, '');
}

const OUT = '__gasTemplateOutput';
const SCOPE = '__gasTemplateScope';

/** Code evaluate() runs in the script's realm: the template's variables in scope, globals reachable. */
function evaluationCode(segments: Segment[]): string {
  const body = segments
    .map((s) => {
      switch (s.kind) {
        case 'text':
          return `${OUT}.raw(${JSON.stringify(s.body)});`;
        case 'print':
          return `${OUT}.print((${expression(s.body)}\n));`;
        case 'force':
          return `${OUT}.raw((${expression(s.body)}\n));`;
        default:
          return `${s.body}\n`;
      }
    })
    .join('');
  return `(function (${SCOPE}, ${OUT}) { with (${SCOPE}) {\n${body}\n} })`;
}

const compiled = new Map<string, vm.Script>();

function compile(source: string): vm.Script {
  let script = compiled.get(source);
  if (!script) {
    script = new vm.Script(evaluationCode(parseTemplate(source)), { filename: 'HtmlTemplate' });
    if (compiled.size > 500) compiled.clear();
    compiled.set(source, script);
  }
  return script;
}

export class HtmlTemplateImpl extends GasObject {
  readonly _gasClass = 'HtmlTemplate';
  private readonly _variables = new Map<string, unknown>();

  constructor(
    exec: Execution,
    private readonly _source: string,
  ) {
    super(exec);
  }

  // Properties the script sets on the template are its variables (reference/html/html-template#evaluate).
  _getProperty(name: string): unknown {
    return this._variables.get(name);
  }

  _setProperty(name: string, value: unknown): void {
    this._variables.set(name, value);
  }

  evaluate(): HtmlOutputImpl {
    const exec = this._exec;
    const output = new HtmlOutputImpl(exec);
    const scope = (exec.realm.global.Object as ObjectConstructor).create(null) as Record<string, unknown>;
    for (const [name, value] of this._variables) scope[name] = value;
    const run = compile(this._source).runInContext(exec.realm.context) as (
      scope: Record<string, unknown>,
      out: { raw(v: unknown): void; print(v: unknown): void },
    ) => void;
    run(scope, {
      raw: (v) => {
        output._content += String(v ?? '');
      },
      print: (v) => output._appendEscaped(v ?? ''),
    });
    return output;
  }

  getCode(): string {
    return readableCode(parseTemplate(this._source), false);
  }

  getCodeWithComments(): string {
    return readableCode(parseTemplate(this._source), true);
  }

  getRawContent(): string {
    return this._source;
  }
}

/**
 * getCode(): JavaScript that rebuilds the page through the documented API; `eval` of it returns an
 * HtmlOutput, binding the variables of the calling scope (reference/html/html-template#getCode).
 */
function readableCode(segments: Segment[], comments: boolean): string {
  const lines = ['(function() { var output = HtmlService.createHtmlOutput();'];
  for (const s of segments) {
    if (comments)
      lines.push(
        `// ${s.kind === 'text' ? s.body : `<?${s.kind === 'print' ? '=' : s.kind === 'force' ? '!=' : ''}${s.body}?>`}`.replace(
          /\n/g,
          '\n// ',
        ),
      );
    if (s.kind === 'text') lines.push(`output.append(${JSON.stringify(s.body)});`);
    else if (s.kind === 'print') lines.push(`output.appendUntrusted(${expression(s.body)});`);
    else if (s.kind === 'force') lines.push(`output.append(${expression(s.body)});`);
    else lines.push(s.body);
  }
  lines.push('return output; })();');
  return lines.join('\n');
}

/** The page behind an HtmlOutput the script handed over (to Ui.showSidebar, say), or undefined. */
export function htmlPageOf(value: unknown): HtmlPage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const host = unwrap(value);
  return host instanceof HtmlOutputImpl ? host._page() : undefined;
}
