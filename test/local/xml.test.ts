// The local runner's XML layer and shared-formula rule, on their own: what a spreadsheet part may
// hold by the XML spec, and how a shared formula reads in the cells it was filled into.

import { describe, expect, it } from 'vitest';
import { moveFormula } from '../../src/local/shared-formula';
import { applySplices, MAIN_NS, parseTree, scanXml, type XmlElement, XmlFormatError } from '../../src/local/xml';
import { setTerminalLanguage } from '../../src/local/messages';

function elements(xml: string): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  scanXml(xml, { close: (e: XmlElement) => out.push([e.local, e.ns, xml.slice(e.start, e.end)]) }, 'the part');
  return out;
}

describe('scanXml', () => {
  it('resolves prefixes, reads either quote style and reports where each element is', () => {
    const xml = `<x:sheetData xmlns:x='${MAIN_NS}'><x:row r='1'><c xmlns="${MAIN_NS}" r="A1"/></x:row></x:sheetData>`;
    expect(elements(xml)).toEqual([
      ['c', MAIN_NS, `<c xmlns="${MAIN_NS}" r="A1"/>`],
      ['row', MAIN_NS, `<x:row r='1'><c xmlns="${MAIN_NS}" r="A1"/></x:row>`],
      ['sheetData', MAIN_NS, xml],
    ]);
  });

  it('reads comments, CDATA and processing instructions as XML defines them', () => {
    const texts: string[] = [];
    const xml = '<?xml version="1.0"?><a><!-- <b>not an element</b> --><?pi data?><t><![CDATA[<b> & </a>]]>&amp;&#x41;</t></a>';
    scanXml(xml, { text: (d, parent) => parent?.local === 't' && texts.push(d) }, 'the part');
    expect(texts.join('')).toBe('<b> & </a>&A');
    expect(elements(xml).map((e) => e[0])).toEqual(['t', 'a']);
  });

  it("refuses a truncated part, an undeclared prefix and a second root, naming the part (in the terminal's language)", () => {
    setTerminalLanguage('en');
    expect(() => scanXml('<a><b r="1"><c>', {}, 'xl/x.xml')).toThrow(new XmlFormatError('xl/x.xml is not well-formed XML: <c> is never closed (the part is truncated or damaged)'));
    expect(() => scanXml('<y:a/>', {}, 'xl/x.xml')).toThrow(new XmlFormatError('xl/x.xml is not well-formed XML: the prefix "y" of <y:a> is not declared'));
    expect(() => scanXml('<a/><b/>', {}, 'xl/x.xml')).toThrow(new XmlFormatError('xl/x.xml is not well-formed XML: it holds more than one root element'));
    expect(() => scanXml('', {}, 'xl/x.xml')).toThrow(new XmlFormatError('xl/x.xml is not well-formed XML: it is empty or holds no XML element'));
    setTerminalLanguage('nl');
    expect(() => scanXml('<a><b r="1"><c>', {}, 'xl/x.xml')).toThrow(new XmlFormatError('xl/x.xml is geen geldige XML: <c> wordt nooit gesloten (het onderdeel is afgekapt of beschadigd)'));
  });

  it('patches by splicing: every byte outside the edits is copied as it was', () => {
    const xml = "<r  a='1'><!-- x --><k/></r>";
    const tree = parseTree(xml, 'p');
    const k = tree.children[0];
    expect(applySplices(xml, [{ from: k.start, to: k.end, text: '<k v="2"/>' }, { from: tree.closeStart, to: tree.closeStart, text: '<n/>' }])).toBe("<r  a='1'><!-- x --><k v=\"2\"/><n/></r>");
  });
});

describe('moveFormula: a shared formula as it reads rows down and columns right of its master', () => {
  it('moves relative references and keeps absolute ones', () => {
    expect(moveFormula('IF(A2="","",A2&"?")', 3, 0)).toBe('IF(A5="","",A5&"?")');
    expect(moveFormula('$A$1+A$1+$A1+A1', 2, 1)).toBe('$A$1+B$1+$A3+B3');
    expect(moveFormula('SUM(B2:C3)*COUNTIF(Relaties!H:H,"te laat")', 1, 1)).toBe('SUM(C3:D4)*COUNTIF(Relaties!I:I,"te laat")');
    expect(moveFormula('SUM(2:3)', 2, 0)).toBe('SUM(4:5)');
  });

  it('leaves strings, quoted sheet names, structured references and function names alone', () => {
    expect(moveFormula(`"A1 & B2"&'Blad A1'!B2&Tabel[Kolom A1]&LOG10(A1)&ATAN2(A1,B1)`, 1, 0)).toBe(`"A1 & B2"&'Blad A1'!B3&Tabel[Kolom A1]&LOG10(A2)&ATAN2(A2,B2)`);
  });

  it('gives null when a reference would fall off the sheet', () => {
    expect(moveFormula('A1', -1, 0)).toBeNull();
    expect(moveFormula('XFD1', 0, 1)).toBeNull();
  });
});
