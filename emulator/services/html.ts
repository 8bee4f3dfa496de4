// HtmlService and ContentService: registers their globals and exports what tests and other modules use.
import { registerService } from '../runtime';
import { ContentServiceImpl } from './html/content';
import { HtmlServiceImpl } from './html/service';

registerService({
  globals: (exec) => ({
    HtmlService: new HtmlServiceImpl(exec)._wrapped(),
    ContentService: new ContentServiceImpl(exec)._wrapped(),
  }),
});

export { CONTENT_MIME_TYPES, ContentServiceImpl, TextOutputImpl } from './html/content';
export { enumName, realmEnum } from './html/enums';
export { escapeHtml } from './html/escape';
export { readHtmlFile, setHtmlDirectory, setHtmlFiles } from './html/files';
export { type HtmlPage, HtmlOutputImpl, HtmlTemplateImpl, htmlPageOf } from './html/output';
export { HtmlServiceImpl } from './html/service';
