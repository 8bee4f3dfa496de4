// HtmlService, HtmlTemplate, HtmlOutput and ContentService as the script sees them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setHtmlDirectory, setHtmlFiles } from '../../emulator/services/html';
import { inlineRuntime } from '../helpers/inline-runtime';

describe('templates (guides/html/templates)', () => {
  test('<?= ?> escapes &, <, >, " and \' in text and in attributes; <?!= ?> prints unchanged', () => {
    const rt = inlineRuntime(`function page() {
      var t = HtmlService.createTemplate('<p title="<?= v ?>"><?= v ?></p><div><?!= v ?></div>');
      t.v = '<b>"Tom" & \\'Jerry\\'</b>';
      return t.evaluate().getContent();
    }`);
    expect(rt.runAsOwner('page')).toBe(
      '<p title="&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;">&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>' +
        '<div><b>"Tom" & \'Jerry\'</b></div>',
    );
  });

  test("variables pushed onto the template, standard scriptlets and calls to the script's own functions", () => {
    // guides/html/templates#pushing_variables_to_templates and the include() idiom of guides/html/best-practices
    const rt = inlineRuntime(`
      function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
      function shout(s) { return s.toUpperCase(); }
      function page() {
        var t = HtmlService.createTemplateFromFile('Index');
        t.items = ['a<1', 'b'];
        t.title = 'Заявки';
        return t.evaluate().getContent();
      }`);
    setHtmlFiles(rt, {
      Index:
        '<head><?!= include("Styles") ?></head><h1><?= shout(title) ?></h1><ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i]; ?></li><? } ?></ul>',
      'Styles.html': '<style>p { color: red; }</style>',
    });
    expect(rt.runAsOwner('page')).toBe(
      '<head><style>p { color: red; }</style></head><h1>ЗАЯВКИ</h1><ul><li>a&lt;1</li><li>b</li></ul>',
    );
  });

  test('a printing scriptlet inside a client-side <script> prints a JavaScript value that cannot close the tag', () => {
    // guides/html/templates: contextual escaping tracks "inside a client-side script tag"
    const rt = inlineRuntime(`function page() {
      var t = HtmlService.createTemplate('<script>var data = <?= data ?>; var n = <?= n ?>;</script><p><?= n ?></p>');
      t.data = { names: ['O\\'Brien', '</script><script>alert(1)'] };
      t.n = 5;
      return t.evaluate().getContent();
    }`);
    const html = rt.runAsOwner<string>('page');
    expect(html).toBe(
      '<script>var data = {"names":["O\\u0027Brien","\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"]}; var n = 5;</script><p>5</p>',
    );
    expect(new Function(`${html.slice(8, html.indexOf('</script>'))}; return data.names[1];`)()).toBe(
      '</script><script>alert(1)',
    );
  });

  test('evaluating a template is one counted call, however many scriptlets it runs', () => {
    const rt = inlineRuntime(`function page() {
      var t = HtmlService.createTemplate('<? for (var i = 0; i < 50; i++) { ?><?= i ?>,<? } ?>');
      return t.evaluate().getContent().length;
    }`);
    rt.resetCounters();
    expect(rt.runAsOwner('page')).toBeGreaterThan(100);
    expect(rt.countOf('HtmlTemplate')).toBe(1);
    expect(rt.countOf('HtmlOutput')).toBe(1);
  });

  test('getCode() is JavaScript that eval() turns into the same page; getRawContent() is the source (reference/html/html-template)', () => {
    const rt = inlineRuntime(`function page() {
      var source = '<i><?= who ?></i><? if (who) { ?>!<? } ?>';
      var t = HtmlService.createTemplate(source);
      t.who = 'A&B';
      var who = 'A&B';
      var viaCode = eval(t.getCode()).getContent();
      return [t.evaluate().getContent(), viaCode, t.getRawContent() === source, t.who].join('|');
    }`);
    expect(rt.runAsOwner('page')).toBe('<i>A&amp;B</i>!|<i>A&amp;B</i>!|true|A&B');
  });

  test('an error in template code reaches the script as that error', () => {
    const rt = inlineRuntime(`function page() {
      try { HtmlService.createTemplate('<?= missingVariable ?>').evaluate(); return 'no error'; }
      catch (e) { return e.name + ': ' + e.message; }
    }`);
    expect(rt.runAsOwner('page')).toBe('ReferenceError: missingVariable is not defined');
  });
});

describe('HTML files', () => {
  test('a missing file fails with Apps Script\'s message; "Index" and "Index.html" name the same file, served unevaluated', () => {
    const rt = inlineRuntime(`function page(name) {
      try { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
      catch (e) { return e.name + ': ' + e.message; }
    }`);
    setHtmlFiles(rt, { Index: '<p><?= 1 + 1 ?></p>' });
    expect(rt.runAsOwner('page', 'Index.html')).toBe('<p><?= 1 + 1 ?></p>');
    expect(rt.runAsOwner('page', 'Missing')).toBe('Exception: No HTML file named Missing was found.');
  });

  test("files are read from the project's built HTML directory", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-files-'));
    fs.writeFileSync(path.join(dir, 'Public.html'), '<h1><?= "x" ?></h1>');
    const rt = inlineRuntime(
      `function page() { return HtmlService.createTemplateFromFile('Public').evaluate().getContent(); }`,
    );
    setHtmlDirectory(rt, dir);
    expect(rt.runAsOwner('page')).toBe('<h1>x</h1>');
    fs.rmSync(dir, { recursive: true });
  });
});

describe('HtmlOutput (reference/html/html-output)', () => {
  test('content, title, size, appendUntrusted and asTemplate', () => {
    const rt = inlineRuntime(`function page() {
      var out = HtmlService.createHtmlOutput('<b>').append('x').appendUntrusted('<i>').append('</b>');
      out.setTitle('Helpdesk').setWidth(300).setHeight(200.7);
      var before = out.getContent();
      out.clear().setContent('<?= 2 * 3 ?>');
      return [before, out.getTitle(), out.getWidth(), out.getHeight(), out.asTemplate().evaluate().getContent()].join('|');
    }`);
    expect(rt.runAsOwner('page')).toBe('<b>x&lt;i&gt;</b>|Helpdesk|300|200|6');
  });

  test('X-Frame-Options is DEFAULT unless set to ALLOWALL; the modes are enum constants, not strings', () => {
    // reference/html/x-frame-options-mode: "If a script does not set an X-Frame-Options mode, Apps Script uses DEFAULT"
    const rt = inlineRuntime(`function page() {
      var out = HtmlService.createHtmlOutput('x');
      var mode = HtmlService.XFrameOptionsMode.ALLOWALL;
      out.setXFrameOptionsMode(mode).setSandboxMode(HtmlService.SandboxMode.IFRAME);
      var refused;
      try { out.setXFrameOptionsMode('ALLOWALL'); } catch (e) { refused = e.message; }
      return [String(mode), mode === HtmlService.XFrameOptionsMode.ALLOWALL, Object.isFrozen(HtmlService.XFrameOptionsMode), refused].join('|');
    }`);
    expect(rt.runAsOwner('page')).toBe(
      "ALLOWALL|true|true|The parameters (String) don't match the method signature for HtmlService.HtmlOutput.setXFrameOptionsMode.",
    );
  });

  test('addMetaTag takes the allowed names only; getMetaTags lists them', () => {
    const rt = inlineRuntime(`function page() {
      var out = HtmlService.createHtmlOutput('x').addMetaTag('viewport', 'width=device-width, initial-scale=1');
      var refused = false;
      try { out.addMetaTag('description', 'no'); } catch (e) { refused = e.name === 'Exception'; }
      var tags = out.getMetaTags();
      return [tags.length, tags[0].getName(), tags[0].getContent(), refused].join('|');
    }`);
    expect(rt.runAsOwner('page')).toBe('1|viewport|width=device-width, initial-scale=1|true');
  });
});

describe('ContentService (reference/content/content-service)', () => {
  test('text output is plain text by default; setMimeType takes ContentService.MimeType', () => {
    const rt = inlineRuntime(`function out() {
      var t = ContentService.createTextOutput();
      var before = String(t.getMimeType());
      t.append('{"ok":').append('true}').setMimeType(ContentService.MimeType.JSON);
      return [before, t.getMimeType() === ContentService.MimeType.JSON, t.getContent(), t.getFileName(),
        t.downloadAsFile('a.json').getFileName()].join('|');
    }`);
    expect(rt.runAsOwner('out')).toBe('TEXT|true|{"ok":true}||a.json');
  });
});
