/** HtmlService (reference/html/html-service). */
import { GasObject } from '../../runtime';
import { realmEnum, signatureError } from './enums';
import { readHtmlFile } from './files';
import { HtmlOutputImpl, HtmlTemplateImpl } from './output';

export class HtmlServiceImpl extends GasObject {
  readonly _gasClass = 'HtmlService';

  get SandboxMode(): Record<string, object> {
    return realmEnum(this._exec, 'SandboxMode');
  }

  get XFrameOptionsMode(): Record<string, object> {
    return realmEnum(this._exec, 'XFrameOptionsMode');
  }

  createHtmlOutput(html?: unknown): HtmlOutputImpl {
    return new HtmlOutputImpl(this._exec, this._text('HtmlService.createHtmlOutput', html));
  }

  createHtmlOutputFromFile(filename: unknown): HtmlOutputImpl {
    if (typeof filename !== 'string') throw signatureError('HtmlService.createHtmlOutputFromFile', [filename]);
    // The file is served as it is: scriptlets are only run by createTemplateFromFile(...).evaluate().
    return new HtmlOutputImpl(this._exec, readHtmlFile(this._exec.runtime, filename));
  }

  createTemplate(html: unknown): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._exec, this._text('HtmlService.createTemplate', html));
  }

  createTemplateFromFile(filename: unknown): HtmlTemplateImpl {
    if (typeof filename !== 'string') throw signatureError('HtmlService.createTemplateFromFile', [filename]);
    return new HtmlTemplateImpl(this._exec, readHtmlFile(this._exec.runtime, filename));
  }

  /** A string, or a BlobSource's text (createHtmlOutput(blob), createTemplate(blob)). */
  private _text(method: string, source: unknown): string {
    if (source === undefined) return '';
    if (typeof source === 'string') return source;
    if (typeof source === 'object' && source !== null) {
      const blobSource = source as { getBlob?: unknown; getDataAsString?: unknown };
      const blob = typeof blobSource.getBlob === 'function' ? (blobSource.getBlob as () => unknown)() : source;
      const text = (blob as { getDataAsString?: unknown }).getDataAsString;
      if (typeof text === 'function') return String((text as () => unknown).call(blob));
    }
    throw signatureError(method, [source]);
  }
}
