/**
 * The few DOM shapes the in-page checks use. The project's tsconfig has no DOM library (src/ is Apps Script,
 * where `document` does not exist), so the functions run in Chromium cast `globalThis` to `InPage` instead.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
}

export interface El {
  tagName: string;
  className: string;
  outerHTML: string;
  textContent: string | null;
  attributes: ArrayLike<{ name: string }>;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  parentElement: El | null;
  scrollWidth: number;
  scrollHeight: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): ArrayLike<El>;
}

export interface Style {
  color: string;
  backgroundColor: string;
  fontSize: string;
  fontWeight: string;
  outlineStyle: string;
  outlineWidth: string;
}

export interface InPage {
  document: {
    body: El;
    documentElement: El;
    activeElement: El | null;
    scripts: ArrayLike<El>;
    querySelectorAll(selector: string): ArrayLike<El>;
  };
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(el: El): Style;
}
