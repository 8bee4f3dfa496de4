/** ContentService and TextOutput (reference/content/content-service, reference/content/text-output). */
import { GasObject } from '../../runtime';
import { enumName, realmEnum, signatureError } from './enums';

/** The Content-Type a web app serves for each ContentService.MimeType (reference/content/mime-type). */
export const CONTENT_MIME_TYPES: Record<string, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

export class ContentServiceImpl extends GasObject {
  readonly _gasClass = 'ContentService';

  get MimeType(): Record<string, object> {
    return realmEnum(this._exec, 'MimeType');
  }

  createTextOutput(content?: unknown): TextOutputImpl {
    const output = new TextOutputImpl(this._exec);
    if (content !== undefined) output._content = String(content);
    return output;
  }
}

export class TextOutputImpl extends GasObject {
  readonly _gasClass = 'TextOutput';
  _content = '';
  // "The default MIME type is plain text" (reference/content/content-service#createTextOutput).
  _mimeType = 'TEXT';
  _fileName: string | null = null;

  append(addedContent: unknown): this {
    this._content += String(addedContent ?? '');
    return this;
  }

  clear(): this {
    this._content = '';
    return this;
  }

  downloadAsFile(filename: unknown): this {
    if (typeof filename !== 'string') throw signatureError('ContentService.TextOutput.downloadAsFile', [filename]);
    this._fileName = filename;
    return this;
  }

  getContent(): string {
    return this._content;
  }

  getFileName(): string | null {
    return this._fileName;
  }

  getMimeType(): object {
    return realmEnum(this._exec, 'MimeType')[this._mimeType];
  }

  setContent(content: unknown): this {
    this._content = String(content ?? '');
    return this;
  }

  setMimeType(mimeType: unknown): this {
    const name = enumName(mimeType, 'MimeType');
    if (name === undefined) throw signatureError('ContentService.TextOutput.setMimeType', [mimeType]);
    this._mimeType = name;
    return this;
  }
}
