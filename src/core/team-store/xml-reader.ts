/**
 * A small, strict XML reader for the few answers S3 sends (errors, listings, multipart and bucket
 * settings). A Web Worker has no DOMParser, and the store client runs in the worker. It builds a
 * tree of elements with their direct text; attributes are checked for form and dropped; a
 * DOCTYPE (and with it any entity definition) is refused. Anything malformed gives null, never an
 * exception: the store's answer is outside input.
 */

export interface XmlElement {
  /** The local name (a namespace prefix is dropped). */
  name: string;
  children: XmlElement[];
  /** The element's own text (CDATA and entities decoded), without its children's. */
  text: string;
}

const MAX_LENGTH = 16 * 1024 * 1024;
const MAX_DEPTH = 32;
const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTE = /^\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*')/;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The document's root element, or null when the text is not well-formed XML of a size we take. */
export function readXml(text: string): XmlElement | null {
  if (text.length > MAX_LENGTH) return null;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    const textEnd = open === -1 ? text.length : open;
    if (textEnd > at && !addText(stack, text.slice(at, textEnd))) return null;
    if (open === -1) break;
    at = open;
    if (text.startsWith('<?', at)) at = skipPast(text, at, '?>');
    else if (text.startsWith('<!--', at)) at = skipPast(text, at + 4, '-->');
    else if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at);
      const top = stack[stack.length - 1];
      if (end === -1 || !top) return null;
      top.text += text.slice(at + 9, end);
      at = end + 3;
    } else if (text.startsWith('</', at)) {
      const end = text.indexOf('>', at);
      const closed = stack.pop();
      if (end === -1 || !closed || localName(text.slice(at + 2, end).trim()) !== closed.name) return null;
      at = end + 1;
      if (stack.length === 0) root = closed;
    } else if (text.startsWith('<!', at)) return null;
    else {
      const parsed = readStartTag(text, at);
      if (!parsed || (root !== null && stack.length === 0) || stack.length >= MAX_DEPTH) return null;
      const element: XmlElement = { name: parsed.name, children: [], text: '' };
      stack[stack.length - 1]?.children.push(element);
      if (parsed.selfClosing) {
        if (stack.length === 0) root = element;
      } else stack.push(element);
      at = parsed.end;
    }
    if (at < 0) return null;
  }
  return stack.length === 0 ? root : null;
}

/** The first child of that name, or undefined. */
export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}

/** Every child of that name. */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((child) => child.name === name) ?? [];
}

/** The text of the first child of that name, or undefined when there is none. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  return childElement(element, name)?.text;
}

function skipPast(text: string, from: number, marker: string): number {
  const end = text.indexOf(marker, from);
  return end === -1 ? -1 : end + marker.length;
}

function localName(qualified: string): string {
  const colon = qualified.lastIndexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function readStartTag(text: string, at: number): { name: string; selfClosing: boolean; end: number } | null {
  const name = NAME.exec(text.slice(at + 1, at + 257))?.[0];
  if (!name) return null;
  let rest = at + 1 + name.length;
  for (;;) {
    const attribute = ATTRIBUTE.exec(text.slice(rest, rest + 4096));
    if (!attribute) break;
    if (decodeEntities(attribute[1]?.slice(1, -1) ?? '') === null) return null;
    rest += attribute[0].length;
  }
  while (/\s/.test(text[rest] ?? '')) rest++;
  if (text.startsWith('/>', rest)) return { name: localName(name), selfClosing: true, end: rest + 2 };
  if (text[rest] === '>') return { name: localName(name), selfClosing: false, end: rest + 1 };
  return null;
}

/** Adds text to the open element; outside the root only whitespace is allowed. */
function addText(stack: XmlElement[], raw: string): boolean {
  const top = stack[stack.length - 1];
  if (!top) return raw.trim() === '';
  const decoded = decodeEntities(raw);
  if (decoded === null) return false;
  top.text += decoded;
  return true;
}

function decodeEntities(raw: string): string | null {
  let failed = false;
  const decoded = raw.replace(/&([^;&\s]{0,12});?/g, (whole, body: string) => {
    const value = whole.endsWith(';') ? entityValue(body) : null;
    if (value === null) failed = true;
    return value ?? '';
  });
  return failed ? null : decoded;
}

function entityValue(body: string): string | null {
  const named = NAMED_ENTITIES[body];
  if (named !== undefined) return named;
  let number = NaN;
  if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) number = parseInt(body.slice(2), 16);
  else if (/^#\d{1,7}$/.test(body)) number = Number(body.slice(1));
  const valid = number > 0 && number <= 0x10ffff && !(number >= 0xd800 && number <= 0xdfff);
  return valid ? String.fromCodePoint(number) : null;
}
