/**
 * Contextual escaping for printing scriptlets (`<?= ?>`) and `HtmlOutput.appendUntrusted`
 * (guides/html/templates: "Apps Script keeps track of the output's context on the page — inside an HTML
 * attribute, inside a client-side script tag, or anywhere else"). A small incremental HTML tokenizer
 * follows the content written so far; the value is escaped for the context at its end.
 */

export type HtmlContext = 'text' | 'tag' | 'attr-dq' | 'attr-sq' | 'attr-uq' | 'script' | 'style';

type State =
  | 'text'
  | 'tag-open'
  | 'bang'
  | 'comment'
  | 'declaration'
  | 'tag-name'
  | 'in-tag'
  | 'attr-name'
  | 'after-attr-name'
  | 'before-value'
  | 'value-dq'
  | 'value-sq'
  | 'value-uq'
  | 'raw';

const SPACE = /\s/;
const NAME_CHAR = /[A-Za-z0-9:-]/;

export class HtmlContextTracker {
  private state: State = 'text';
  private tagName = '';
  private closing = false;
  private rawElement = '';
  private tail = '';

  feed(chunk: string): void {
    for (const c of chunk) this.step(c);
  }

  get context(): HtmlContext {
    switch (this.state) {
      case 'tag-name':
      case 'in-tag':
      case 'attr-name':
      case 'after-attr-name':
        return 'tag';
      case 'before-value':
      case 'value-uq':
        return 'attr-uq';
      case 'value-dq':
        return 'attr-dq';
      case 'value-sq':
        return 'attr-sq';
      case 'raw':
        return this.rawElement === 'script' ? 'script' : 'style';
      default:
        return 'text';
    }
  }

  private step(c: string): void {
    switch (this.state) {
      case 'text':
        if (c === '<') this.state = 'tag-open';
        return;
      case 'tag-open':
        if (c === '/') {
          this.closing = true;
          this.tagName = '';
          this.state = 'tag-name';
        } else if (c === '!') {
          this.tail = '';
          this.state = 'bang';
        } else if (/[A-Za-z]/.test(c)) {
          this.closing = false;
          this.tagName = c.toLowerCase();
          this.state = 'tag-name';
        } else this.state = c === '<' ? 'tag-open' : 'text';
        return;
      case 'bang':
        this.tail += c;
        if (this.tail === '--') this.state = 'comment';
        else if (!'--'.startsWith(this.tail)) this.state = c === '>' ? 'text' : 'declaration';
        return;
      case 'comment':
        this.tail = (this.tail + c).slice(-3);
        if (this.tail === '-->') this.state = 'text';
        return;
      case 'declaration':
        if (c === '>') this.state = 'text';
        return;
      case 'tag-name':
        if (NAME_CHAR.test(c)) this.tagName += c.toLowerCase();
        else if (c === '>') this.endTag();
        else this.state = 'in-tag';
        return;
      case 'in-tag':
        if (c === '>') this.endTag();
        else if (!SPACE.test(c) && c !== '/') this.state = 'attr-name';
        return;
      case 'attr-name':
        if (c === '=') this.state = 'before-value';
        else if (c === '>') this.endTag();
        else if (SPACE.test(c)) this.state = 'after-attr-name';
        return;
      case 'after-attr-name':
        if (c === '=') this.state = 'before-value';
        else if (c === '>') this.endTag();
        else if (!SPACE.test(c)) this.state = 'attr-name';
        return;
      case 'before-value':
        if (c === '"') this.state = 'value-dq';
        else if (c === "'") this.state = 'value-sq';
        else if (c === '>') this.endTag();
        else if (!SPACE.test(c)) this.state = 'value-uq';
        return;
      case 'value-dq':
        if (c === '"') this.state = 'in-tag';
        return;
      case 'value-sq':
        if (c === "'") this.state = 'in-tag';
        return;
      case 'value-uq':
        if (c === '>') this.endTag();
        else if (SPACE.test(c)) this.state = 'in-tag';
        return;
      case 'raw': {
        const end = `</${this.rawElement}`;
        this.tail = (this.tail + c).slice(-end.length);
        if (this.tail.toLowerCase() === end) {
          this.closing = true;
          this.tagName = this.rawElement;
          this.state = 'tag-name';
        }
        return;
      }
    }
  }

  private endTag(): void {
    if (!this.closing && (this.tagName === 'script' || this.tagName === 'style')) {
      this.rawElement = this.tagName;
      this.tail = '';
      this.state = 'raw';
    } else this.state = 'text';
  }
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML escaping of text and quoted attribute values: &, <, >, " and '. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/** A value as a client-side JavaScript literal that cannot end the script element. */
export function jsLiteral(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return (json ?? 'null').replace(/[<>&'\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escapes a printed value for the context it lands in. */
export function escapeFor(context: HtmlContext, value: unknown): string {
  switch (context) {
    case 'script':
      return jsLiteral(value);
    case 'style':
      // Inside CSS only plain tokens survive; everything else becomes a CSS hex escape.
      return String(value).replace(/[^\w\s#.,%-]/g, (c) => `\\${c.codePointAt(0)?.toString(16) ?? '0'} `);
    case 'attr-uq':
    case 'tag':
      return escapeHtml(String(value)).replace(/[\s=`]/g, (c) => `&#${c.charCodeAt(0)};`);
    default:
      return escapeHtml(String(value));
  }
}
