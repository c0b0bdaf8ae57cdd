// The XML layer of the local runner: every part Cadans reads or patches goes through one real XML
// parser (htmlparser2's Parser in XML mode; see docs/developers.md, How it is built, for why this one), never
// through regular expressions. The parser reports where each tag starts and ends in the text, so a
// part is patched by splicing: the bytes of everything Cadans does not own are copied unchanged.
//
// On top of the parser this adds what a spreadsheet part needs and htmlparser2 leaves to us:
// namespace resolution (a sheet may write <x:row> as well as <row>, attributes with either quote),
// and strictness: a tag left open (a truncated part) or a stray close tag is an error, not a guess.

import { Parser } from 'htmlparser2';
import { formProblem } from './messages';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

const KNOWN_NAMESPACES = new Map([MAIN_NS, STRICT_MAIN_NS, REL_NS, PACKAGE_REL_NS, CONTENT_TYPES_NS].map((ns) => [ns, ns]));

/** A part that is not well-formed XML (truncated, a tag never closed, a stray close tag). */
export class XmlFormatError extends Error {}

export interface XmlElement {
  /** The name without its prefix. */
  local: string;
  /** The namespace URI the prefix (or the default namespace) resolves to; '' for none. */
  ns: string;
  /** The prefix as written ('' for none), for writing new elements in the part's own style. */
  prefix: string;
  /** Attributes by qualified name as written (`r:id`), values with entities decoded. */
  attrs: Record<string, string>;
  /** Index of the `<` of the open tag. */
  start: number;
  /** Index just after the `>` of the open tag. */
  openEnd: number;
  /** Index of the `<` of the close tag; equals `openEnd` for a self-closing tag. */
  closeStart: number;
  /** Index just after the element (after `/>` or the close tag's `>`). */
  end: number;
  selfClosing: boolean;
  parent: XmlElement | null;
}

export interface XmlHandler {
  open?(element: XmlElement): void;
  /** Called after the element's content, with `closeStart` and `end` set. */
  close?(element: XmlElement): void;
  /** Character data (entities decoded, CDATA included) directly inside `parent`. */
  text?(data: string, parent: XmlElement | null): void;
}

/**
 * Reads `xml` from start to end, calling the handler per element. Comments, CDATA sections and
 * processing instructions are understood as XML defines them (a comment holding `</sheetData>` is
 * a comment). Throws XmlFormatError when the text is not a complete, well-nested document.
 */
export function scanXml(xml: string, handler: XmlHandler, what: string): void {
  const stack: XmlElement[] = [];
  // The prefixes in scope, as one map with an undo list per element that declares any (most declare
  // none, so a lookup is one map access and an element costs no map of its own).
  const bindings = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  const undo: Array<Array<[string, string | undefined]> | null> = [];
  let roots = 0;
  let problem: string | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (problem) return;
        let saved: Array<[string, string | undefined]> | null = null;
        for (const key in attrs) {
          if (key.charCodeAt(0) !== 120 /* x */ || !(key === 'xmlns' || key.startsWith('xmlns:'))) continue;
          const prefix = key === 'xmlns' ? '' : key.slice(6);
          (saved ??= []).push([prefix, bindings.get(prefix)]);
          // The known namespaces as the constants themselves: comparing an element's ns with
          // MAIN_NS is then one pointer comparison, not 60 characters, millions of times.
          bindings.set(prefix, KNOWN_NAMESPACES.get(attrs[key]) ?? attrs[key]);
        }
        undo.push(saved);
        const colon = name.indexOf(':');
        const prefix = colon < 0 ? '' : name.slice(0, colon);
        const ns = bindings.get(prefix);
        if (ns === undefined && prefix !== '') problem = formProblem('xmlPrefix', { prefix, name });
        // An attribute value cannot hold "<" in XML, so the tag starts at the last "<" before its end.
        const openEnd = parser.endIndex + 1;
        const start = xml.lastIndexOf('<', parser.endIndex);
        const parent = stack.length ? stack[stack.length - 1] : null;
        if (!parent) roots++;
        const element: XmlElement = { local: colon < 0 ? name : name.slice(colon + 1), ns: ns ?? '', prefix, attrs, start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: false, parent };
        stack.push(element);
        handler.open?.(element);
      },
      onclosetag(name, isImplied) {
        if (problem) return;
        const element = stack.pop();
        const saved = undo.pop();
        if (saved) for (let i = saved.length - 1; i >= 0; i--) {
          const [prefix, uri] = saved[i];
          if (uri === undefined) bindings.delete(prefix);
          else bindings.set(prefix, uri);
        }
        if (!element) {
          problem = formProblem('xmlStrayClose', { name });
          return;
        }
        if (isImplied) {
          // htmlparser2 reports <a/> as an implied close at the same place; anything else implied
          // is an element the text never closes: a truncated or damaged part.
          const selfClosing = parser.endIndex + 1 === element.openEnd && xml.charCodeAt(parser.endIndex - 1) === 47; /* '/' */
          if (!selfClosing) {
            problem = formProblem('xmlNeverClosedDamaged', { name });
            return;
          }
          element.selfClosing = true;
          element.closeStart = element.end = element.openEnd;
        } else {
          element.closeStart = xml.lastIndexOf('<', parser.endIndex);
          element.end = parser.endIndex + 1;
        }
        handler.close?.(element);
      },
      ontext(data) {
        if (problem || !handler.text) return;
        handler.text(data, stack.length ? stack[stack.length - 1] : null);
      },
    },
    { xmlMode: true, recognizeCDATA: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  if (!problem && roots !== 1) problem = roots === 0 ? formProblem('xmlEmpty') : formProblem('xmlManyRoots');
  if (!problem && stack.length) problem = formProblem('xmlNeverClosed', { name: stack[stack.length - 1].local });
  if (problem) throw new XmlFormatError(formProblem('xmlNotWellFormed', { what, problem }));
}

/** A small part as a tree, for the workbook, relationships, content types and styles. */
export interface XmlNode extends XmlElement {
  children: XmlNode[];
  text: string;
}

export function parseTree(xml: string, what: string): XmlNode {
  let root: XmlNode | null = null;
  const nodes = new Map<XmlElement, XmlNode>();
  scanXml(
    xml,
    {
      open(element) {
        const node = element as XmlNode;
        node.children = [];
        node.text = '';
        nodes.set(element, node);
        if (element.parent) nodes.get(element.parent)!.children.push(node);
        else root = node;
      },
      text(data, parent) {
        if (parent) nodes.get(parent)!.text += data;
      },
    },
    what,
  );
  return root!;
}

/** The children of `node` named `local` in namespace `ns`. */
export function childrenOf(node: XmlNode, local: string, ns: string): XmlNode[] {
  return node.children.filter((c) => c.local === local && c.ns === ns);
}

/** The value of an attribute by namespace and local name, whatever prefix the part uses for it. */
export function attribute(element: XmlElement, local: string, ns = ''): string | undefined {
  if (ns === '') return element.attrs[local];
  for (const key in element.attrs) {
    const colon = key.indexOf(':');
    if (colon < 0 || key.slice(colon + 1) !== local) continue;
    const prefix = key.slice(0, colon);
    if (declaredPrefix(element, prefix) === ns) return element.attrs[key];
  }
  return undefined;
}

function declaredPrefix(element: XmlElement | null, prefix: string): string | undefined {
  for (let e = element; e; e = e.parent) {
    const uri = e.attrs[`xmlns:${prefix}`];
    if (uri !== undefined) return uri;
  }
  return undefined;
}

/** The prefix this element's scope uses for `ns` ('' when it is the default namespace), or null. */
export function prefixFor(element: XmlElement, ns: string): string | null {
  for (let e: XmlElement | null = element; e; e = e.parent) {
    for (const key in e.attrs) {
      if (e.attrs[key] !== ns) continue;
      if (key === 'xmlns') return '';
      if (key.startsWith('xmlns:')) return key.slice(6);
    }
  }
  return null;
}

/** Escapes text for XML content or a double-quoted attribute, and drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** One edit of a part: replace text[from, to) by `text`. */
export interface Splice {
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping splices to `xml`; every byte outside them is copied as it was. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.from - b.from || a.to - b.to);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.from < at) throw new Error('overlapping edits of one XML part');
    parts.push(xml.slice(at, s.from), s.text);
    at = s.to;
  }
  parts.push(xml.slice(at));
  return parts.join('');
}

/** Writes `<name attrs/>` with the element's prefix (`x:name` when the part uses a prefix). */
export function qualified(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}
