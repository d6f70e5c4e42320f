import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childElements, childText, readXml, type XmlElement } from '../../../src/core/team-store/xml-reader';
import {
  parseCompletedEtag,
  parseErrorBody,
  parseListBody,
  parseObjectLock,
  parseVersioning,
} from '../../../src/platform/team-store/s3-xml';

/**
 * The strict XML reader and the S3 shapes read with it: real answers read right, malformed text
 * gives null, and a seeded fuzz shows it never throws and reads back any tree it could be given.
 */

const SEED = 20261207;
const S3_NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

describe('XML reader', () => {
  it('reads elements, text, entities, CDATA and self-closing tags; drops prefixes and attributes', () => {
    const root = readXml(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a:Root ${S3_NS} x='1'>` +
        '<Item>one &amp; two &lt;3&gt; &#65;&#x42;</Item><Item><![CDATA[<raw>&]]></Item><Empty/></a:Root>\n',
    );
    expect(root?.name).toBe('Root');
    expect(childElements(root ?? undefined, 'Item').map((e) => e.text)).toEqual(['one & two <3> AB', '<raw>&']);
    expect(childText(root ?? undefined, 'Empty')).toBe('');
  });

  it.each([
    ['unclosed', '<a><b></b>'],
    ['mismatched', '<a><b></a></b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', 'hello<a/>'],
    ['a DOCTYPE (entity definitions)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['a surrogate code point', '<a>&#xD800;</a>'],
    ['an unterminated comment', '<a><!-- </a>'],
    ['a broken attribute', '<a b=1></a>'],
    ['nothing', ''],
  ])('refuses %s', (_, text) => {
    expect(readXml(text)).toBeNull();
  });

  it('refuses nesting deeper than 32', () => {
    expect(readXml('<a>'.repeat(40) + '</a>'.repeat(40))).toBeNull();
    expect(readXml('<a>'.repeat(20) + '</a>'.repeat(20))).not.toBeNull();
  });
});

describe('S3 answers', () => {
  it('an error body', () => {
    const body =
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code><Message></Message>` +
      '<RequestId>tx1</RequestId></Error>';
    expect(parseErrorBody(body)).toEqual({ code: 'RequestTimeTooSkewed', message: '' });
    const redirect =
      '<Error><Code>PermanentRedirect</Code><Message>Use the endpoint</Message>' +
      '<Endpoint>bucket.s3.eu-west-1.amazonaws.com</Endpoint></Error>';
    expect(parseErrorBody(redirect)?.endpoint).toBe('bucket.s3.eu-west-1.amazonaws.com');
    expect(parseErrorBody('<html><body>Bad gateway</body></html>')).toBeNull();
  });

  it('a listing page, with its continuation token and quoted ETags', () => {
    const body =
      `<ListBucketResult ${S3_NS}><Name>b</Name><Prefix>p/</Prefix><KeyCount>1</KeyCount>` +
      '<IsTruncated>true</IsTruncated><NextContinuationToken>tok==</NextContinuationToken>' +
      '<Contents><Key>p/a&amp;b</Key><LastModified>2026-12-07T10:00:00.000Z</LastModified>' +
      '<ETag>&quot;abc&quot;</ETag><Size>42</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>';
    expect(parseListBody(body)).toEqual({
      entries: [{ key: 'p/a&b', size: 42, lastModified: '2026-12-07T10:00:00.000Z', etag: 'abc' }],
      nextContinuationToken: 'tok==',
    });
    expect(parseListBody('<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>')).toBeNull();
    expect(
      parseListBody('<ListBucketResult><Contents><Key>k</Key><Size>-1</Size></Contents></ListBucketResult>'),
    ).toBeNull();
  });

  it("Ceph's empty completion ETag reads as empty (the client then asks for it)", () => {
    expect(parseCompletedEtag('<CompleteMultipartUploadResult><ETag></ETag></CompleteMultipartUploadResult>')).toBe('');
    expect(parseCompletedEtag('<Error><Code>InternalError</Code></Error>')).toBeNull();
  });

  it('versioning and Object Lock settings', () => {
    expect(parseVersioning(`<VersioningConfiguration ${S3_NS}/>`)).toBe('off');
    expect(parseVersioning('<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>')).toBe(
      'enabled',
    );
    const lock =
      '<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention>' +
      '<Mode>COMPLIANCE</Mode><Days>30</Days></DefaultRetention></Rule></ObjectLockConfiguration>';
    expect(parseObjectLock(lock)).toEqual({ enabled: true, defaultRetention: { mode: 'COMPLIANCE', days: 30 } });
  });
});

/** Any tree of simple names and text, as XML text (the reader's inverse). */
function serialise(element: XmlElement): string {
  const escaped = element.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<${element.name}>${escaped}${element.children.map(serialise).join('')}</${element.name}>`;
}

/** Trees up to `depth` levels of simple names and any text but lone surrogates. */
function elementArbitrary(depth: number): fc.Arbitrary<XmlElement> {
  return fc.record({
    name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/),
    text: fc.string({ maxLength: 12 }),
    children: depth === 0 ? fc.constant([]) : fc.array(elementArbitrary(depth - 1), { maxLength: 3 }),
  });
}

describe('fuzz: XML from outside never throws', () => {
  it('random text and mutations of real answers give a tree or null, never an exception', () => {
    const real = [
      `<ListBucketResult ${S3_NS}><Contents><Key>a</Key><Size>1</Size><ETag>"e"</ETag></Contents></ListBucketResult>`,
      '<Error><Code>AccessDenied</Code><Message>no</Message></Error>',
    ];
    const mutated = fc
      .tuple(fc.constantFrom(...real), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 8 }))
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), mutated, fc.string({ unit: 'binary', maxLength: 80 })),
        (text) => {
          const root = readXml(text);
          expect(root === null || typeof root.name === 'string').toBe(true);
          parseErrorBody(text);
          parseListBody(text);
          parseVersioning(text);
          parseObjectLock(text);
        },
      ),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('reads back any tree it is given as text', () => {
    fc.assert(
      fc.property(elementArbitrary(3), (tree) => {
        expect(readXml(serialise(strip(tree)))).toEqual(strip(tree));
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});

// XML treats CR as a line end; the generator avoids it so text compares exactly.
function strip(element: XmlElement): XmlElement {
  return { name: element.name, text: element.text.replace(/\r/g, ''), children: element.children.map(strip) };
}
